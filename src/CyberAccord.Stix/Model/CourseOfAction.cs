using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>course-of-action</c> object.</summary>
public sealed class CourseOfAction : StixDomainObject
{
    public const string TypeName = "course-of-action";

    public CourseOfAction(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new course-of-action with a fresh identifier and creation time.</summary>
    public CourseOfAction()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>action</c>.</summary>
    public JsonNode? Action { get => Json["action"]; set => SetNode("action", value); }
}
