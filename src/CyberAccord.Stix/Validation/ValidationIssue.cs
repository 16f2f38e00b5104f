namespace CyberAccord.Stix.Validation;

public enum Severity
{
    /// <summary>A specification MUST is broken: the content is not valid STIX 2.1.</summary>
    Error,

    /// <summary>A SHOULD or best practice is not followed; the content is still valid.</summary>
    Warning,
}

/// <summary>One finding: where (object id, JSON path), which rule (a stable code), and what.</summary>
public sealed record ValidationIssue(Severity Severity, string Code, string? ObjectId, string Path, string Message)
{
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var objectId = ObjectId is null ? string.Empty : $" ({ObjectId})";
        return $"{severity} {Code} {Path}{objectId}: {Message}";
    }
}
