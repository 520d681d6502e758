using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Mash.Platform.Rest;

/// <summary>What a service may need to know of how a call reached it over REST/JSON.</summary>
public static class RestCalls
{
    /// <summary>
    /// A REST GET: its fields came in the URL, which proxies and logs keep. A child's identity must
    /// never travel that way; gRPC calls (always POST) and REST bodies are fine.
    /// </summary>
    public static bool FieldsInUrl(this ServerCallContext context) =>
        HttpMethods.IsGet(context.GetHttpContext().Request.Method);
}
