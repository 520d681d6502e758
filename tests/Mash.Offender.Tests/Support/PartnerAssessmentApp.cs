extern alias AssessmentNode;

using Mash.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Assessment.V1;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Transport;
using Mash.Platform.Identity;
using Mash.Testing.Eventing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Offender.Tests.Support;

/// <summary>
/// The Assessment service of a children's social care node, in memory: the partner whose risk
/// profiles should show the police node's offender risk for each linked child.
/// </summary>
public sealed class PartnerAssessmentApp : WebApplicationFactory<AssessmentNode::Program>
{
    public const string NodeId = "worcestershire-social-care";

    private readonly string _dataDirectory = TempDataDirectories.Create("mash-offender-partner-tests-");
    private GrpcChannel? _channel;

    internal TestTokens Tokens { get; } = new();
    internal RecordingTransport Transport { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Mash:DataDirectory", _dataDirectory);
        builder.UseSetting("Mash:Node:Id", NodeId);
        builder.UseSetting("Mash:Node:Agency", AgencyNames.ChildrenSocialCare);
        builder.UseSetting(PartnershipSecret.Key, OffenderApp.PartnershipSecret);
        builder.TrustTestTokens(Tokens);
        builder.ConfigureTestServices(services => services.AddSingleton<IMessageTransport>(Transport));
    }

    internal AssessmentService.AssessmentServiceClient Client()
    {
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        return new AssessmentService.AssessmentServiceClient(_channel);
    }

    internal Metadata AsSocialCare() => new()
    {
        { "authorization", "Bearer " + Tokens.Mint("social-care-mash", AgencyNames.ChildrenSocialCare, [MashRoles.AssessmentRead]) },
        { "x-mash-purpose", "MASH risk profile" },
        { "x-mash-lawful-basis", "LAWFUL_BASIS_PUBLIC_TASK" },
    };

    /// <summary>A message the police node published, delivered here through the real consumer (inbox, origin filter, audit).</summary>
    internal Task<RecordedDelivery> DeliverAsync(TransportMessage message)
    {
        _ = Services; // the host, and with it the consumer, is started
        return Transport.DeliverAsync(message);
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        Tokens.Dispose();
        base.Dispose(disposing);
    }
}
