using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>network-traffic</c> object.</summary>
public sealed class NetworkTraffic : StixCyberObservable
{
    public const string TypeName = "network-traffic";

    public NetworkTraffic(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new network-traffic with a fresh identifier.</summary>
    public NetworkTraffic()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>start</c>.</summary>
    public DateTime? Start { get => GetTimestamp("start"); set => SetTimestamp("start", value); }

    /// <summary>STIX property <c>end</c>.</summary>
    public DateTime? End { get => GetTimestamp("end"); set => SetTimestamp("end", value); }

    /// <summary>STIX property <c>is_active</c>.</summary>
    public bool? IsActive { get => GetBoolean("is_active"); set => SetBoolean("is_active", value); }

    /// <summary>STIX property <c>src_ref</c>.</summary>
    public string? SrcRef { get => GetString("src_ref"); set => SetString("src_ref", value); }

    /// <summary>STIX property <c>dst_ref</c>.</summary>
    public string? DstRef { get => GetString("dst_ref"); set => SetString("dst_ref", value); }

    /// <summary>STIX property <c>src_port</c>.</summary>
    public long? SrcPort { get => GetInteger("src_port"); set => SetInteger("src_port", value); }

    /// <summary>STIX property <c>dst_port</c>.</summary>
    public long? DstPort { get => GetInteger("dst_port"); set => SetInteger("dst_port", value); }

    /// <summary>STIX property <c>protocols</c>.</summary>
    public IReadOnlyList<string>? Protocols { get => GetStrings("protocols"); set => SetStrings("protocols", value); }

    /// <summary>STIX property <c>src_byte_count</c>.</summary>
    public long? SrcByteCount { get => GetInteger("src_byte_count"); set => SetInteger("src_byte_count", value); }

    /// <summary>STIX property <c>dst_byte_count</c>.</summary>
    public long? DstByteCount { get => GetInteger("dst_byte_count"); set => SetInteger("dst_byte_count", value); }

    /// <summary>STIX property <c>src_packets</c>.</summary>
    public long? SrcPackets { get => GetInteger("src_packets"); set => SetInteger("src_packets", value); }

    /// <summary>STIX property <c>dst_packets</c>.</summary>
    public long? DstPackets { get => GetInteger("dst_packets"); set => SetInteger("dst_packets", value); }

    /// <summary>STIX property <c>ipfix</c>.</summary>
    public JsonObject? Ipfix { get => GetObject("ipfix"); set => SetNode("ipfix", value); }

    /// <summary>STIX property <c>src_payload_ref</c>.</summary>
    public string? SrcPayloadRef { get => GetString("src_payload_ref"); set => SetString("src_payload_ref", value); }

    /// <summary>STIX property <c>dst_payload_ref</c>.</summary>
    public string? DstPayloadRef { get => GetString("dst_payload_ref"); set => SetString("dst_payload_ref", value); }

    /// <summary>STIX property <c>encapsulates_refs</c>.</summary>
    public IReadOnlyList<string>? EncapsulatesRefs
    {
        get => GetStrings("encapsulates_refs");
        set => SetStrings("encapsulates_refs", value);
    }

    /// <summary>STIX property <c>encapsulated_by_ref</c>.</summary>
    public string? EncapsulatedByRef { get => GetString("encapsulated_by_ref"); set => SetString("encapsulated_by_ref", value); }
}
