using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>email-message</c> object.</summary>
public sealed class EmailMessage : StixCyberObservable
{
    public const string TypeName = "email-message";

    public EmailMessage(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new email-message with a fresh identifier.</summary>
    public EmailMessage()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>is_multipart</c>.</summary>
    public bool? IsMultipart { get => GetBoolean("is_multipart"); set => SetBoolean("is_multipart", value); }

    /// <summary>STIX property <c>date</c>.</summary>
    public DateTime? Date { get => GetTimestamp("date"); set => SetTimestamp("date", value); }

    /// <summary>STIX property <c>content_type</c>.</summary>
    public string? ContentType { get => GetString("content_type"); set => SetString("content_type", value); }

    /// <summary>STIX property <c>from_ref</c>.</summary>
    public string? FromRef { get => GetString("from_ref"); set => SetString("from_ref", value); }

    /// <summary>STIX property <c>sender_ref</c>.</summary>
    public string? SenderRef { get => GetString("sender_ref"); set => SetString("sender_ref", value); }

    /// <summary>STIX property <c>to_refs</c>.</summary>
    public IReadOnlyList<string>? ToRefs { get => GetStrings("to_refs"); set => SetStrings("to_refs", value); }

    /// <summary>STIX property <c>cc_refs</c>.</summary>
    public IReadOnlyList<string>? CcRefs { get => GetStrings("cc_refs"); set => SetStrings("cc_refs", value); }

    /// <summary>STIX property <c>bcc_refs</c>.</summary>
    public IReadOnlyList<string>? BccRefs { get => GetStrings("bcc_refs"); set => SetStrings("bcc_refs", value); }

    /// <summary>STIX property <c>message_id</c>.</summary>
    public string? MessageId { get => GetString("message_id"); set => SetString("message_id", value); }

    /// <summary>STIX property <c>subject</c>.</summary>
    public string? Subject { get => GetString("subject"); set => SetString("subject", value); }

    /// <summary>STIX property <c>received_lines</c>.</summary>
    public IReadOnlyList<string>? ReceivedLines { get => GetStrings("received_lines"); set => SetStrings("received_lines", value); }

    /// <summary>STIX property <c>additional_header_fields</c>.</summary>
    public JsonObject? AdditionalHeaderFields
    {
        get => GetObject("additional_header_fields");
        set => SetNode("additional_header_fields", value);
    }

    /// <summary>STIX property <c>body</c>.</summary>
    public string? Body { get => GetString("body"); set => SetString("body", value); }

    /// <summary>STIX property <c>body_multipart</c>.</summary>
    public JsonArray? BodyMultipart { get => Json["body_multipart"] as JsonArray; set => SetNode("body_multipart", value); }

    /// <summary>STIX property <c>raw_email_ref</c>.</summary>
    public string? RawEmailRef { get => GetString("raw_email_ref"); set => SetString("raw_email_ref", value); }
}
