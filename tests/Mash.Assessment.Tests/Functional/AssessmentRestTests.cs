using System.Net;
using System.Text;
using System.Text.Json;
using Mash.Assessment.Tests.Support;

namespace Mash.Assessment.Tests.Functional;

/// <summary>Listing a child's assessments over REST/JSON: the identity in the body, never in the URL.</summary>
public sealed class AssessmentRestTests(AssessmentApp app) : IClassFixture<AssessmentApp>
{
    private HttpRequestMessage Request(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        foreach (var header in app.As())
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    [Fact]
    public async Task A_childs_assessments_are_searched_with_the_identity_in_the_body()
    {
        var child = Samples.Child();
        var id = await app.StartAssessmentAsync(child);
        using var http = app.CreateClient();

        using var request = Request(HttpMethod.Post, "/v1/assessments:search", "{\"child\":{\"nhsNumber\":\"" + child.NhsNumber + "\"}}");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([id], body.GetProperty("assessments").EnumerateArray().Select(a => a.GetProperty("assessmentId").GetString()));
    }

    [Fact]
    public async Task A_child_identity_in_the_url_is_refused_naming_the_field_and_not_echoed()
    {
        var child = Samples.Child();
        await app.StartAssessmentAsync(child);
        using var http = app.CreateClient();

        using var request = Request(HttpMethod.Get, $"/v1/assessments?child.nhsNumber={child.NhsNumber}");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"field\":\"child.nhsNumber\"", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(child.NhsNumber, text, StringComparison.Ordinal);
    }
}
