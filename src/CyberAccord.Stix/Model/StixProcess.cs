using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>process</c> object.</summary>
public sealed class StixProcess : StixCyberObservable
{
    public const string TypeName = "process";

    public StixProcess(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new process with a fresh identifier.</summary>
    public StixProcess()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>is_hidden</c>.</summary>
    public bool? IsHidden { get => GetBoolean("is_hidden"); set => SetBoolean("is_hidden", value); }

    /// <summary>STIX property <c>pid</c>.</summary>
    public long? Pid { get => GetInteger("pid"); set => SetInteger("pid", value); }

    /// <summary>STIX property <c>created_time</c>.</summary>
    public DateTime? CreatedTime { get => GetTimestamp("created_time"); set => SetTimestamp("created_time", value); }

    /// <summary>STIX property <c>cwd</c>.</summary>
    public string? Cwd { get => GetString("cwd"); set => SetString("cwd", value); }

    /// <summary>STIX property <c>command_line</c>.</summary>
    public string? CommandLine { get => GetString("command_line"); set => SetString("command_line", value); }

    /// <summary>STIX property <c>environment_variables</c>.</summary>
    public JsonObject? EnvironmentVariables { get => GetObject("environment_variables"); set => SetNode("environment_variables", value); }

    /// <summary>STIX property <c>opened_connection_refs</c>.</summary>
    public IReadOnlyList<string>? OpenedConnectionRefs
    {
        get => GetStrings("opened_connection_refs");
        set => SetStrings("opened_connection_refs", value);
    }

    /// <summary>STIX property <c>creator_user_ref</c>.</summary>
    public string? CreatorUserRef { get => GetString("creator_user_ref"); set => SetString("creator_user_ref", value); }

    /// <summary>STIX property <c>image_ref</c>.</summary>
    public string? ImageRef { get => GetString("image_ref"); set => SetString("image_ref", value); }

    /// <summary>STIX property <c>parent_ref</c>.</summary>
    public string? ParentRef { get => GetString("parent_ref"); set => SetString("parent_ref", value); }

    /// <summary>STIX property <c>child_refs</c>.</summary>
    public IReadOnlyList<string>? ChildRefs { get => GetStrings("child_refs"); set => SetStrings("child_refs", value); }
}
