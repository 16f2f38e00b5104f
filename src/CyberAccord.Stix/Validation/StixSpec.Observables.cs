using CyberAccord.Stix.Model;
using V = CyberAccord.Stix.Validation.Vocabularies;

namespace CyberAccord.Stix.Validation;

/// <summary>The STIX Cyber-observable Objects (§6), each with the properties its deterministic id derives from.</summary>
internal static partial class StixSpec
{
    private static IEnumerable<TypeSpec> Observables()
    {
        yield return Sco("artifact", ["hashes", "payload_bin"], new()
        {
            ["mime_type"] = Str(),
            ["payload_bin"] = Bin(),
            ["url"] = Str(),
            ["hashes"] = Hashes(),
            ["encryption_algorithm"] = Closed("encryption-algorithm-enum", V.EncryptionAlgorithm),
            ["decryption_key"] = Str(),
        });

        yield return Sco("autonomous-system", ["number"], new()
        {
            ["number"] = Int(0).Req(),
            ["name"] = Str(),
            ["rir"] = Str(),
        });

        yield return Sco("directory", ["path"], new()
        {
            ["path"] = Str().Req(),
            ["path_enc"] = Str(),
            ["ctime"] = Ts(),
            ["mtime"] = Ts(),
            ["atime"] = Ts(),
            ["contains_refs"] = ListOf(Ref("file", "directory")),
        });

        yield return Sco("domain-name", ["value"], new()
        {
            ["value"] = Str().Req(),
            ["resolves_to_refs"] = ListOf(Ref("ipv4-addr", "ipv6-addr", "domain-name")),
        });

        yield return Sco("email-addr", ["value"], new()
        {
            ["value"] = Str().Req(),
            ["display_name"] = Str(),
            ["belongs_to_ref"] = Ref("user-account"),
        });

        yield return Sco("email-message", ["from_ref", "subject", "body"], new()
        {
            ["is_multipart"] = Bool().Req(),
            ["date"] = Ts(),
            ["content_type"] = Str(),
            ["from_ref"] = Ref("email-addr"),
            ["sender_ref"] = Ref("email-addr"),
            ["to_refs"] = ListOf(Ref("email-addr")),
            ["cc_refs"] = ListOf(Ref("email-addr")),
            ["bcc_refs"] = ListOf(Ref("email-addr")),
            ["message_id"] = Str(),
            ["subject"] = Str(),
            ["received_lines"] = StringList,
            ["additional_header_fields"] = Dict(),
            ["body"] = Str(),
            ["body_multipart"] = ListOf(Obj()),
            ["raw_email_ref"] = Ref("artifact"),
        });

        yield return Sco("file", ["hashes", "name", "extensions", "parent_directory_ref"], new()
        {
            ["hashes"] = Hashes(),
            ["size"] = Int(0),
            ["name"] = Str(),
            ["name_enc"] = Str(),
            ["magic_number_hex"] = Hex(),
            ["mime_type"] = Str(),
            ["ctime"] = Ts(),
            ["mtime"] = Ts(),
            ["atime"] = Ts(),
            ["parent_directory_ref"] = Ref("directory"),
            ["contains_refs"] = ListOf(RefTo(StixCategory.CyberObservable)),
            ["content_ref"] = Ref("artifact"),
        }) with
        {
            PredefinedExtensions = Ext("archive-ext", "ntfs-ext", "pdf-ext", "raster-image-ext", "windows-pebinary-ext"),
            RequiresAnyOf = new(["hashes", "name"], ".name", "a file requires hashes or name"),
        };

        yield return Sco("ipv4-addr", ["value"], new()
        {
            ["value"] = Str().Req(),
            ["resolves_to_refs"] = ListOf(Ref("mac-addr")),
            ["belongs_to_refs"] = ListOf(Ref("autonomous-system")),
        });

        yield return Sco("ipv6-addr", ["value"], new()
        {
            ["value"] = Str().Req(),
            ["resolves_to_refs"] = ListOf(Ref("mac-addr")),
            ["belongs_to_refs"] = ListOf(Ref("autonomous-system")),
        });

        yield return Sco("mac-addr", ["value"], new()
        {
            ["value"] = Str().Req(),
        });

        yield return Sco("mutex", ["name"], new()
        {
            ["name"] = Str().Req(),
        });

        yield return Sco("network-traffic", ["start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions"], new()
        {
            ["start"] = Ts(),
            ["end"] = Ts(),
            ["is_active"] = Bool(),
            ["src_ref"] = Ref("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"),
            ["dst_ref"] = Ref("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"),
            ["src_port"] = Int(0, 65535),
            ["dst_port"] = Int(0, 65535),
            ["protocols"] = StringList.Req(),
            ["src_byte_count"] = Int(0),
            ["dst_byte_count"] = Int(0),
            ["src_packets"] = Int(0),
            ["dst_packets"] = Int(0),
            ["ipfix"] = Dict(),
            ["src_payload_ref"] = Ref("artifact"),
            ["dst_payload_ref"] = Ref("artifact"),
            ["encapsulates_refs"] = ListOf(Ref("network-traffic")),
            ["encapsulated_by_ref"] = Ref("network-traffic"),
        }) with
        {
            PredefinedExtensions = Ext("http-request-ext", "icmp-ext", "socket-ext", "tcp-ext"),
            RequiresAnyOf = new(["src_ref", "dst_ref"], ".src_ref", "network-traffic requires src_ref or dst_ref"),
            TimestampOrder = new("start", "end", Strict: false),
        };

        yield return Sco("process", [], new()
        {
            ["is_hidden"] = Bool(),
            ["pid"] = Int(),
            ["created_time"] = Ts(),
            ["cwd"] = Str(),
            ["command_line"] = Str(),
            ["environment_variables"] = Dict(),
            ["opened_connection_refs"] = ListOf(Ref("network-traffic")),
            ["creator_user_ref"] = Ref("user-account"),
            ["image_ref"] = Ref("file"),
            ["parent_ref"] = Ref("process"),
            ["child_refs"] = ListOf(Ref("process")),
        }) with
        {
            PredefinedExtensions = Ext("windows-process-ext", "windows-service-ext"),
        };

        yield return Sco("software", ["name", "cpe", "swid", "vendor", "version"], new()
        {
            ["name"] = Str().Req(),
            ["cpe"] = Str(),
            ["swid"] = Str(),
            ["languages"] = StringList,
            ["vendor"] = Str(),
            ["version"] = Str(),
        });

        yield return Sco("url", ["value"], new()
        {
            ["value"] = Str().Req(),
        });

        yield return Sco("user-account", ["account_type", "user_id", "account_login"], new()
        {
            ["user_id"] = Str(),
            ["credential"] = Str(),
            ["account_login"] = Str(),
            ["account_type"] = Open("account-type-ov", V.AccountType),
            ["display_name"] = Str(),
            ["is_service_account"] = Bool(),
            ["is_privileged"] = Bool(),
            ["can_escalate_privs"] = Bool(),
            ["is_disabled"] = Bool(),
            ["account_created"] = Ts(),
            ["account_expires"] = Ts(),
            ["credential_last_changed"] = Ts(),
            ["account_first_login"] = Ts(),
            ["account_last_login"] = Ts(),
        }) with
        {
            PredefinedExtensions = Ext("unix-account-ext"),
        };

        yield return Sco("windows-registry-key", ["key", "values"], new()
        {
            ["key"] = Str(),
            ["values"] = ListOf(Obj()),
            ["modified_time"] = Ts(),
            ["creator_user_ref"] = Ref("user-account"),
            ["number_of_subkeys"] = Int(0),
        });

        yield return Sco("x509-certificate", ["hashes", "serial_number"], new()
        {
            ["is_self_signed"] = Bool(),
            ["hashes"] = Hashes(),
            ["version"] = Str(),
            ["serial_number"] = Str(),
            ["signature_algorithm"] = Str(),
            ["issuer"] = Str(),
            ["validity_not_before"] = Ts(),
            ["validity_not_after"] = Ts(),
            ["subject"] = Str(),
            ["subject_public_key_algorithm"] = Str(),
            ["subject_public_key_modulus"] = Str(),
            ["subject_public_key_exponent"] = Int(0),
            ["x509_v3_extensions"] = Obj(),
        });
    }
}
