using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CyberAccord.Server.OpenApi;

/// <summary>
/// The node's OpenAPI document (<c>/openapi/v1.json</c>): what the framework infers from the route tables, plus the
/// credentials each route takes and the parameters and bodies handlers read themselves.
/// </summary>
internal static class AccordOpenApi
{
    private const string Basic = "basic";
    private const string Bearer = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CyberAccord node";
            document.Info.Description = "TAXII 2.1 (/taxii2/, /api/), the accord API (/accord/) and the verifiable log (/log/).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Basic] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = Basic,
                Description = "a party's TAXII user and password",
            };
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = Bearer,
                Description = "a party's API token (cat_...), as 'accord credential add' issues it",
            };
            return Task.CompletedTask;
        });

        // A member left out when absent (TAXII's more, next and empty lists) is not required, whatever its constructor says.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is null && schema.Required is { Count: > 0 } required)
            {
                foreach (var property in context.JsonTypeInfo.Properties)
                {
                    var ignore = property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: false);
                    if (ignore is [JsonIgnoreAttribute { Condition: JsonIgnoreCondition.WhenWritingNull }, ..])
                    {
                        required.Remove(property.Name);
                    }
                }
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            foreach (var query in metadata.OfType<DocumentedQuery>())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = query.Name,
                    In = ParameterLocation.Query,
                    Description = query.Description,
                    Schema = new OpenApiSchema { Type = query.Type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String },
                });
            }

            if (metadata.OfType<DocumentedBody>().FirstOrDefault() is { } body)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = body.Description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [body.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                    },
                };
            }

            // Either scheme names a party on every route that takes credentials; an empty requirement means "or none".
            var required = metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any();
            var optional = metadata.OfType<OptionalCredentials>().Any();
            if (required || optional)
            {
                operation.Security ??= [];
                if (optional && !required)
                {
                    operation.Security.Add(new OpenApiSecurityRequirement());
                }

                foreach (var scheme in (string[])[Basic, Bearer])
                {
                    var reference = new OpenApiSecuritySchemeReference(scheme, context.Document);
                    operation.Security.Add(new OpenApiSecurityRequirement { [reference] = [] });
                }
            }

            return Task.CompletedTask;
        });
    }
}
