using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Mash.Node.Hosting;
using Mash.Testing.Nodes;

namespace Mash.EndToEnd.Tests;

/// <summary>
/// A node in one process, as the README's run command starts it, sending its telemetry to a collector (here a plain
/// OTLP/HTTP receiver that keeps what it is sent): each span goes out once, from the application that made it, and a
/// call through the gateway is one trace into the service.
/// </summary>
public sealed class OneProcessNodeTelemetryTests : IAsyncLifetime
{
    private readonly OtlpReceiver _collector = new();
    private RunningNode? _node;
    private string _data = "";

    public async Task InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("mash-e2e-telemetry-").FullName;
        _node = await RunningNode.StartInOneProcessAsync(new NodeOptions
        {
            GatewayPort = FreePorts.NodeBase(),
            DataDirectory = _data,
            PartnershipSecret = "telemetry-test-partnership-secret",
            StartTimeout = TestNodeStart.Timeout,
            Settings = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.Address,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                // Spans leave a moment after they end, not after the default 5 s.
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            },
        });
    }

    [Fact]
    public async Task Each_span_is_exported_once_by_its_own_application_and_the_gateway_span_is_the_service_span_parent()
    {
        using var client = new NodeClient(_node!);
        var officer = await client.AsAsync("police-mash");
        await client.Referrals().SubmitReferralAsync(Referrals.Sample(Guid.NewGuid().ToString("N")), officer);

        const string submit = "POST /mash.referral.v1.ReferralService/SubmitReferral";
        // The gateway's span ends after the service's, so it may reach the collector in a later export.
        var spans = await Eventually.Get(
            () => Task.FromResult(_collector.Spans() is var sent && sent.Any(s => s.Service == "mash-referral" && s.Name == submit)
                && sent.Any(s => s.Service == "mash-gateway" && s.Name == submit) ? sent : null),
            timeout: TimeSpan.FromSeconds(30), what: "the gateway's and the referral service's server spans at the collector");

        var handled = Assert.Single(spans, s => s.Service == "mash-referral" && s.Name == submit);
        var forwarded = Assert.Single(spans, s => s.Service == "mash-gateway" && s.Name == submit);
        Assert.Equal(forwarded.TraceId, handled.TraceId);
        Assert.Equal(forwarded.SpanId, handled.ParentSpanId);
        Assert.All(spans.GroupBy(s => s.SpanId), sent => Assert.Single(sent));
        Assert.DoesNotContain(spans, s => s.Service != "mash-referral" && s.Name == submit && s.SpanId == handled.SpanId);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _collector.Dispose();
        TempFolders.Delete(_data);
    }

    private sealed record Span(string Service, string TraceId, string SpanId, string ParentSpanId, string Name);

    /// <summary>Answers every OTLP/HTTP export with 200 and keeps the spans of each trace export.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<Span> _spans = new();

        public OtlpReceiver()
        {
            // Named in full: Mash.Testing's Eventually is not the one this test waits with.
            Address = $"http://127.0.0.1:{Mash.Testing.LoopbackPorts.Free()}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Address { get; }

        public List<Span> Spans() => [.. _spans];

        public void Dispose() => _listener.Close();

        private async Task ReceiveAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces")
                {
                    foreach (var span in ReadTraces(ByteString.CopyFrom(body.ToArray())))
                    {
                        _spans.Enqueue(span);
                    }
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        /// <summary>
        /// The spans of an <c>ExportTraceServiceRequest</c>, read by field number (opentelemetry/proto/trace/v1): resource
        /// spans (1) hold the resource (1, its attributes 1 of key 1 and value 2, a string 1) and scope spans (2), which
        /// hold spans (2) of trace id 1, span id 2, parent span id 4 and name 5.
        /// </summary>
        private static IEnumerable<Span> ReadTraces(ByteString request)
        {
            foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
            {
                var service = Fields(resourceSpans).Where(f => f.Number == 1).SelectMany(r => Fields(r.Bytes)).Where(f => f.Number == 1)
                    .Select(attribute => Fields(attribute.Bytes).ToList())
                    .Where(attribute => attribute.Any(f => f.Number == 1 && f.Bytes.ToStringUtf8() == "service.name"))
                    .Select(attribute => Fields(attribute.Single(f => f.Number == 2).Bytes).Single(f => f.Number == 1).Bytes.ToStringUtf8())
                    .Single();
                foreach (var scopeSpans in Fields(resourceSpans).Where(f => f.Number == 2).Select(f => f.Bytes))
                {
                    foreach (var span in Fields(scopeSpans).Where(f => f.Number == 2).Select(f => Fields(f.Bytes).ToList()))
                    {
                        string Hex(int number) => Convert.ToHexStringLower(span.FirstOrDefault(f => f.Number == number).Bytes?.ToByteArray() ?? []);
                        yield return new Span(service, Hex(1), Hex(2), Hex(4), span.Single(f => f.Number == 5).Bytes.ToStringUtf8());
                    }
                }
            }
        }

        /// <summary>A message's length-delimited fields; the others are skipped.</summary>
        private static List<(int Number, ByteString Bytes)> Fields(ByteString message)
        {
            var input = message.CreateCodedInput();
            var found = new List<(int Number, ByteString Bytes)>();
            while (input.ReadTag() is var tag and not 0)
            {
                if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    found.Add((WireFormat.GetTagFieldNumber(tag), input.ReadBytes()));
                }
                else
                {
                    input.SkipLastField();
                }
            }

            return found;
        }
    }
}
