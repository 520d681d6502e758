using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mash.Platform.Paging;

namespace Mash.Gateway.Governance;

/// <summary>
/// One newest-first page across the node's services: each service is asked for a page after
/// its own position, the answers are merged by time (then service, then the entry's number),
/// and the next token holds each service's position after the last of its items this page
/// showed, in the services' own token format (<see cref="PageTokenFormats.Newest"/>). A service
/// whose items are all shown drops out of the token.
/// </summary>
internal static class MergedPages
{
    private const string Prefix = "m1.";
    public const int MaxTokenLength = Mash.Platform.Limits.RequestLimits.MaxPageTokenLength;

    /// <summary>Each service's position: "" to start from its newest; null for a token this gateway did not issue.</summary>
    public static Dictionary<string, string>? Positions(string token, IReadOnlyCollection<string> services)
    {
        if (token.Length == 0)
        {
            return services.ToDictionary(s => s, _ => "", StringComparer.Ordinal);
        }

        if (token.Length > MaxTokenLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(Prefix.Length)));
            var positions = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            return positions is not null && positions.Keys.All(services.Contains) ? new(positions, StringComparer.Ordinal) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The page and the token of the next: items from each service, each newest first.</summary>
    public static (List<T> Page, string NextToken) Merge<T>(
        IReadOnlyList<ServicePage<T>> answers, int size, Func<T, DateTime> time, Func<T, long> sequence)
    {
        var merged = answers
            .SelectMany(a => a.Items.Select(item => (a.Service, Item: item)))
            .OrderByDescending(x => time(x.Item)).ThenBy(x => x.Service, StringComparer.Ordinal).ThenByDescending(x => sequence(x.Item))
            .ToList();
        var shown = merged.Take(size).ToList();

        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (service, position, items, hasMore) in answers)
        {
            var taken = shown.Where(x => x.Service == service).Select(x => x.Item).ToList();
            var allShown = taken.Count == items.Count;
            if (allShown && !hasMore)
            {
                continue;
            }

            if (taken.Count > 0)
            {
                var last = taken[^1];
                next[service] = PageTokenFormats.Newest.Encode(time(last), sequence(last).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                // Nothing of it shown: it starts where it did.
                next[service] = position;
            }
        }

        return (shown.Select(x => x.Item).ToList(), next.Count == 0 ? "" : Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(next))));
    }
}

/// <summary>One service's page, asked for from <paramref name="Position"/>.</summary>
internal sealed record ServicePage<T>(string Service, string Position, IReadOnlyList<T> Items, bool HasMore);
