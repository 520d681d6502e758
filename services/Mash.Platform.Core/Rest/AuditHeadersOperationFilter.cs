using Mash.Platform.Auth;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Mash.Platform.Rest;

/// <summary>
/// Declares on every REST operation the two headers the audit trail records, which gRPC
/// callers send as metadata and the proto contracts can only mention in comments.
/// </summary>
internal sealed class AuditHeadersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(Header(PurposeHeaders.Purpose, "Why the caller needs the record (free text), kept in the audit trail.", null));
        operation.Parameters.Add(Header(PurposeHeaders.LawfulBasis,
            "The lawful basis for the disclosure, a mash.common.v1.LawfulBasis name; kept in the audit trail.", "LAWFUL_BASIS_PUBLIC_TASK"));
    }

    private static OpenApiParameter Header(string name, string description, string? example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = "string" },
        Example = example is null ? null : new OpenApiString(example),
    };
}
