using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>user-account</c> object.</summary>
public sealed class UserAccount : StixCyberObservable
{
    public const string TypeName = "user-account";

    public UserAccount(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new user-account with a fresh identifier.</summary>
    public UserAccount()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>user_id</c>.</summary>
    public string? UserId { get => GetString("user_id"); set => SetString("user_id", value); }

    /// <summary>STIX property <c>credential</c>.</summary>
    public string? Credential { get => GetString("credential"); set => SetString("credential", value); }

    /// <summary>STIX property <c>account_login</c>.</summary>
    public string? AccountLogin { get => GetString("account_login"); set => SetString("account_login", value); }

    /// <summary>STIX property <c>account_type</c>.</summary>
    public string? AccountType { get => GetString("account_type"); set => SetString("account_type", value); }

    /// <summary>STIX property <c>display_name</c>.</summary>
    public string? DisplayName { get => GetString("display_name"); set => SetString("display_name", value); }

    /// <summary>STIX property <c>is_service_account</c>.</summary>
    public bool? IsServiceAccount { get => GetBoolean("is_service_account"); set => SetBoolean("is_service_account", value); }

    /// <summary>STIX property <c>is_privileged</c>.</summary>
    public bool? IsPrivileged { get => GetBoolean("is_privileged"); set => SetBoolean("is_privileged", value); }

    /// <summary>STIX property <c>can_escalate_privs</c>.</summary>
    public bool? CanEscalatePrivs { get => GetBoolean("can_escalate_privs"); set => SetBoolean("can_escalate_privs", value); }

    /// <summary>STIX property <c>is_disabled</c>.</summary>
    public bool? IsDisabled { get => GetBoolean("is_disabled"); set => SetBoolean("is_disabled", value); }

    /// <summary>STIX property <c>account_created</c>.</summary>
    public DateTime? AccountCreated { get => GetTimestamp("account_created"); set => SetTimestamp("account_created", value); }

    /// <summary>STIX property <c>account_expires</c>.</summary>
    public DateTime? AccountExpires { get => GetTimestamp("account_expires"); set => SetTimestamp("account_expires", value); }

    /// <summary>STIX property <c>credential_last_changed</c>.</summary>
    public DateTime? CredentialLastChanged
    {
        get => GetTimestamp("credential_last_changed");
        set => SetTimestamp("credential_last_changed", value);
    }

    /// <summary>STIX property <c>account_first_login</c>.</summary>
    public DateTime? AccountFirstLogin { get => GetTimestamp("account_first_login"); set => SetTimestamp("account_first_login", value); }

    /// <summary>STIX property <c>account_last_login</c>.</summary>
    public DateTime? AccountLastLogin { get => GetTimestamp("account_last_login"); set => SetTimestamp("account_last_login", value); }
}
