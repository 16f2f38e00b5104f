namespace CyberAccord.Stix.Validation;

/// <summary>The rules for names of properties STIX 2.1 does not define (§3.1, §11.1).</summary>
internal static class CustomPropertyNames
{
    /// <summary>3–250 characters of a–z, 0–9 and '_': a MUST for every custom property name.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length is < 3 or > 250)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A property some STIX type does not define: an error if its name is malformed, a warning without 'x_'.</summary>
    public static void Check(string name, string? id, string path, List<ValidationIssue> issues)
    {
        if (!IsValid(name))
        {
            issues.Add(new ValidationIssue(
                Severity.Error,
                "custom-property-name",
                id,
                path,
                $"property '{name}' is not defined by STIX 2.1, " +
                "and custom property names must be 3–250 characters of a–z, 0–9 and '_'"));
        }
        else if (!name.StartsWith("x_", StringComparison.Ordinal))
        {
            issues.Add(new ValidationIssue(
                Severity.Warning,
                "custom-property-prefix",
                id,
                path,
                $"custom property '{name}' should start with 'x_' (or be defined by an extension)"));
        }
    }
}
