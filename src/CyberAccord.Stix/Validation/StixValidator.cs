using System.Text.Json;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// Checks STIX 2.1 content against the specification, reporting every violation at once: errors for
/// MUSTs, warnings for SHOULDs and best practices. Stateless and thread-safe. The checks of one object live
/// in <see cref="ObjectCheck"/>, one file per concern; what each type holds and requires lives in <see cref="StixSpec"/>.
/// </summary>
public static class StixValidator
{
    /// <summary>Validates a document: a bundle, or a single object.</summary>
    public static List<ValidationIssue> ValidateDocument(JsonElement root)
    {
        var issues = new List<ValidationIssue>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new ValidationIssue(
                Severity.Error, "not-an-object", null, "$", $"a STIX document is a JSON object, not {Describe(root)}"));
            return issues;
        }

        if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("bundle"))
        {
            ValidateBundleEnvelope(root, issues);
            if (root.TryGetProperty("objects", out var objects) && objects.ValueKind == JsonValueKind.Array)
            {
                ValidateBundleObjects(objects, issues);
            }

            return issues;
        }

        ValidateObject(root, "$", issues);
        return issues;
    }

    private static void ValidateBundleObjects(JsonElement objects, List<ValidationIssue> issues)
    {
        var seen = new HashSet<(string, string)>();
        var index = 0;
        foreach (var item in objects.EnumerateArray())
        {
            var path = $"$.objects[{index++}]";
            ValidateObject(item, path, issues);
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                var version = item.TryGetProperty("modified", out var modified) && modified.ValueKind == JsonValueKind.String
                    ? modified.GetString()!
                    : string.Empty;
                if (!seen.Add((id.GetString()!, version)))
                {
                    issues.Add(new ValidationIssue(
                        Severity.Warning,
                        "duplicate-object",
                        id.GetString(),
                        path,
                        "the bundle holds this id and modified time more than once"));
                }
            }
        }
    }

    private static void ValidateBundleEnvelope(JsonElement bundle, List<ValidationIssue> issues)
    {
        var objectCount = !bundle.TryGetProperty("objects", out var objects) ? -1
            : objects.ValueKind == JsonValueKind.Array ? objects.GetArrayLength()
            : -2;
        ValidateBundleEnvelope(bundle, objectCount, issues);
    }

    /// <summary>
    /// Checks a bundle's own members. <paramref name="objectCount"/> is the length of its objects list, -1 when there is
    /// none, -2 when objects is not a list; the members of <paramref name="envelope"/> other than objects are checked.
    /// </summary>
    public static void ValidateBundleEnvelope(JsonElement envelope, long objectCount, List<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var id = envelope.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()
            : null;
        if (id is null)
        {
            issues.Add(new ValidationIssue(Severity.Error, "required-property", null, "$.id", "a bundle must have an id"));
        }
        else if (!StixIdentifier.TryParse(id, out var idType, out _, out _) || idType != "bundle")
        {
            issues.Add(new ValidationIssue(
                Severity.Error, "id-format", id, "$.id", $"'{id}' is not a bundle identifier (bundle--<UUID>)"));
        }

        if (objectCount == -2)
        {
            issues.Add(new ValidationIssue(Severity.Error, "property-type", id, "$.objects", "objects must be a list"));
        }
        else if (objectCount == 0)
        {
            issues.Add(new ValidationIssue(
                Severity.Error, "empty-list", id, "$.objects", "objects must not be an empty list; leave it out"));
        }

        foreach (var property in envelope.EnumerateObject())
        {
            switch (property.Name)
            {
                case "type" or "id" or "objects":
                    break;
                case "spec_version":
                    issues.Add(new ValidationIssue(
                        Severity.Error,
                        "forbidden-property",
                        id,
                        "$.spec_version",
                        "STIX 2.1 bundles have no spec_version (it marks a STIX 2.0 bundle)"));
                    break;
                default:
                    CustomPropertyNames.Check(property.Name, id, "$" + JsonPath.Member(property.Name), issues);
                    break;
            }
        }
    }

    /// <summary>Validates one STIX object found at <paramref name="path"/>, adding its issues.</summary>
    public static void ValidateObject(JsonElement element, string path, List<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        new ObjectCheck(element, path, issues).Run();
    }

    public static List<ValidationIssue> ValidateObject(JsonElement element)
    {
        var issues = new List<ValidationIssue>();
        ValidateObject(element, "$", issues);
        return issues;
    }

    /// <summary>What a JSON value is, as messages name it: "an object", "a list", "a string", ….</summary>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
