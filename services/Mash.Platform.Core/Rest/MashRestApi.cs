using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Mash.Platform.Rest;

/// <summary>
/// REST/JSON for partners without gRPC: the RPCs' google.api.http annotations served through
/// JSON transcoding on the same endpoint (and with the same authorization metadata, interceptors
/// and audit) as gRPC, and an OpenAPI document of that REST surface.
/// </summary>
public static class MashRestApi
{
    /// <summary>Where a service serves its OpenAPI document; the gateway exposes it as /openapi/{cluster}.json.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    private const string DocumentName = "v1";
    private const string BearerScheme = "Bearer";

    public static IGrpcServerBuilder AddMashRestApi(this IGrpcServerBuilder grpc, string serviceName)
    {
        grpc.AddJsonTranscoding(transcoding =>
            // Error details (field violations, resource info...) are Any messages: JSON needs their types.
            transcoding.TypeRegistry = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor));

        var services = grpc.Services;
        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = serviceName,
                Version = "v1",
                Description = "REST/JSON over the gateway's HTTP endpoint; every call needs a bearer token with the role it names.",
            });
            swagger.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A client-credentials access token (Entra ID, or the gateway's local issuer in development).",
            });
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = BearerScheme } }] = [],
            });

            swagger.OperationFilter<AuditHeadersOperationFilter>();

            // The contracts' proto comments, compiled into XML docs.
            var contractDocs = Path.Combine(AppContext.BaseDirectory, "Mash.Contracts.xml");
            if (File.Exists(contractDocs))
            {
                swagger.IncludeXmlComments(contractDocs);
                swagger.IncludeGrpcXmlComments(contractDocs, includeControllerXmlComments: true);
            }
        });
        return grpc;
    }

    /// <summary>The document holds the API's shape and no data, so it is served without a token.</summary>
    public static IEndpointConventionBuilder MapMashOpenApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapSwagger("/openapi/{documentName}.json").AllowAnonymous();
}
