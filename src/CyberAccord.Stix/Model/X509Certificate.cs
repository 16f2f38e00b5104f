using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>x509-certificate</c> object.</summary>
public sealed class X509Certificate : StixCyberObservable
{
    public const string TypeName = "x509-certificate";

    public X509Certificate(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new x509-certificate with a fresh identifier.</summary>
    public X509Certificate()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>is_self_signed</c>.</summary>
    public bool? IsSelfSigned { get => GetBoolean("is_self_signed"); set => SetBoolean("is_self_signed", value); }

    /// <summary>STIX property <c>hashes</c>.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get => GetHashes("hashes"); set => SetHashes("hashes", value); }

    /// <summary>STIX property <c>version</c>.</summary>
    public string? Version { get => GetString("version"); set => SetString("version", value); }

    /// <summary>STIX property <c>serial_number</c>.</summary>
    public string? SerialNumber { get => GetString("serial_number"); set => SetString("serial_number", value); }

    /// <summary>STIX property <c>signature_algorithm</c>.</summary>
    public string? SignatureAlgorithm { get => GetString("signature_algorithm"); set => SetString("signature_algorithm", value); }

    /// <summary>STIX property <c>issuer</c>.</summary>
    public string? Issuer { get => GetString("issuer"); set => SetString("issuer", value); }

    /// <summary>STIX property <c>validity_not_before</c>.</summary>
    public DateTime? ValidityNotBefore { get => GetTimestamp("validity_not_before"); set => SetTimestamp("validity_not_before", value); }

    /// <summary>STIX property <c>validity_not_after</c>.</summary>
    public DateTime? ValidityNotAfter { get => GetTimestamp("validity_not_after"); set => SetTimestamp("validity_not_after", value); }

    /// <summary>STIX property <c>subject</c>.</summary>
    public string? Subject { get => GetString("subject"); set => SetString("subject", value); }

    /// <summary>STIX property <c>subject_public_key_algorithm</c>.</summary>
    public string? SubjectPublicKeyAlgorithm
    {
        get => GetString("subject_public_key_algorithm");
        set => SetString("subject_public_key_algorithm", value);
    }

    /// <summary>STIX property <c>subject_public_key_modulus</c>.</summary>
    public string? SubjectPublicKeyModulus
    {
        get => GetString("subject_public_key_modulus");
        set => SetString("subject_public_key_modulus", value);
    }

    /// <summary>STIX property <c>subject_public_key_exponent</c>.</summary>
    public long? SubjectPublicKeyExponent
    {
        get => GetInteger("subject_public_key_exponent");
        set => SetInteger("subject_public_key_exponent", value);
    }

    /// <summary>STIX property <c>x509_v3_extensions</c>.</summary>
    public JsonObject? X509V3Extensions { get => GetObject("x509_v3_extensions"); set => SetNode("x509_v3_extensions", value); }
}
