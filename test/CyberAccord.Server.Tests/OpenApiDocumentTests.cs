using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CyberAccord.Server.Tests;

/// <summary>Issue 12: the OpenAPI document describes every route the node maps, with its credentials and its errors.</summary>
public sealed partial class OpenApiDocumentTests(NodeServerFixture node) : IClassFixture<NodeServerFixture>
{
    private static readonly string[] ErrorMediaTypes = ["application/problem+json", "application/taxii+json;version=2.1"];

    private async Task<JsonNode> DocumentAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        return JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
    }

    /// <summary>Every route with an HTTP method, as the document spells its path: no trailing slash, no route constraints.</summary>
    private List<(RouteEndpoint Endpoint, string Path, string Method)> MappedRoutes() =>
        [.. node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (e, DocumentPath(e), m)))];

    private static string DocumentPath(RouteEndpoint endpoint)
    {
        var raw = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        return Parameter().Replace(raw, match => "{" + match.Groups["name"].Value + "}");
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    [Fact]
    public async Task Every_mapped_route_but_the_dashboards_own_is_described_with_its_name_summary_and_errors()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var described = 0;
        foreach (var (endpoint, path, method) in MappedRoutes())
        {
            var operation = paths[path]?[method.ToLowerInvariant()];
            if (operation is null)
            {
                // Only the browser's own routes stay out of it: the dashboard's pages, Blazor's runtime routes, and the routes
                // marked so (the dashboard's assets, sign-out and entries, and the document itself).
                var page = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                    || path.StartsWith("/_framework/", StringComparison.Ordinal);
                var excluded = endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                    && (EndpointErrors.IsDashboard(path) || path.StartsWith("/openapi/", StringComparison.Ordinal));
                Assert.True(page || excluded, $"{method} {path} is mapped but not in the OpenAPI document");
                continue;
            }

            described++;
            var route = $"{method} {path}";
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            Assert.Equal(name, operation["operationId"]?.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{route} has no summary");
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            var errors = responses.Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400).ToList();
            Assert.True(errors.Count > 0, $"{route} documents no error responses");
            foreach (var (status, response) in errors)
            {
                var content = response!["content"]?.AsObject();
                Assert.True(content is not null && content.Any(c => ErrorMediaTypes.Contains(c.Key) && c.Value!["schema"] is not null),
                    $"{route} documents {status} without a problem details or TAXII error schema");
            }

            // A TAXII route answers its errors as TAXII error resources, everything else as problem details.
            var errorType = path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/taxii2", StringComparison.Ordinal)
                ? ErrorMediaTypes[1]
                : ErrorMediaTypes[0];
            Assert.All(errors, e =>
                Assert.True(e.Value!["content"]!.AsObject().ContainsKey(errorType), $"{route}: {e.Key} is not {errorType}"));
        }

        Assert.True(described >= 24, $"only {described} operations described");
    }

    [Fact]
    public async Task The_credentials_schemes_are_declared_and_every_route_that_needs_them_names_them()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("http", schemes["basic"]!["type"]!.GetValue<string>());
        Assert.Equal("basic", schemes["basic"]!["scheme"]!.GetValue<string>());
        Assert.Equal("http", schemes["bearer"]!["type"]!.GetValue<string>());
        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());

        var paths = document["paths"]!.AsObject();
        foreach (var (endpoint, path, method) in MappedRoutes())
        {
            if (paths[path]?[method.ToLowerInvariant()] is not { } operation)
            {
                continue;
            }

            var named = operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToHashSet() ?? [];
            if (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null)
            {
                Assert.True(
                    named.SetEquals(["basic", "bearer"]), $"{method} {path} needs credentials but names {string.Join(", ", named)}");
                Assert.Contains("401", operation["responses"]!.AsObject().Select(r => r.Key));
            }
        }

        // The log is public, but an entry bundle answers by the credentials sent with it: none, or either scheme.
        var tile = paths["/log/tile/{path}"]!["get"]!["security"]!.AsArray();
        Assert.Contains(tile, r => r!.AsObject().Count == 0);
        Assert.Null(paths["/log/checkpoint"]!["get"]!["security"]);
    }

    [Fact]
    public async Task Parameters_handlers_read_themselves_and_response_schemas_are_described()
    {
        var document = await DocumentAsync();
        var objects = document["paths"]!["/api/collections/{id}/objects"]!;
        var parameters = objects["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("added_after", parameters);
        Assert.Contains("limit", parameters);
        Assert.Contains("next", parameters);
        Assert.Contains("match[type]", parameters);
        Assert.NotNull(objects["post"]!["requestBody"]!["content"]!["application/taxii+json;version=2.1"]);

        var envelope = objects["get"]!["responses"]!["200"]!["content"]!["application/taxii+json;version=2.1"]!["schema"]!;
        Assert.Equal("#/components/schemas/TaxiiEnvelope", envelope["$ref"]!.GetValue<string>());
        var schemas = document["components"]!["schemas"]!;
        Assert.NotNull(schemas["TaxiiEnvelope"]!["properties"]!["objects"]);
        Assert.DoesNotContain("more", schemas["TaxiiEnvelope"]!["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []);
        Assert.NotNull(schemas["TaxiiErrorResource"]!["properties"]!["http_status"]);
        Assert.NotNull(schemas["ProblemDetails"]);
    }
}
