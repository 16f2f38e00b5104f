using System.Text.Json;

namespace CyberAccord.Stix.Validation;

/// <summary>Vocabulary-valued properties (§10): another value is a warning for an open vocabulary, an error for a closed one.</summary>
internal sealed partial class ObjectCheck
{
    private void CheckOpenVocabulary(JsonElement value, PropertySpec spec, string relative)
    {
        if (RequireKind(value, JsonValueKind.String, relative, "a string") && !spec.Vocabulary!.Contains(value.GetString()!))
        {
            Warn("vocab-open", relative, $"'{value.GetString()}' is not in the {spec.VocabularyName} vocabulary");
        }
    }

    private void CheckClosedVocabulary(JsonElement value, PropertySpec spec, string relative)
    {
        if (RequireKind(value, JsonValueKind.String, relative, "a string") && !spec.Vocabulary!.Contains(value.GetString()!))
        {
            var values = string.Join(", ", spec.Vocabulary!.Order(StringComparer.Ordinal));
            Error("vocab-closed", relative, $"'{value.GetString()}' is not one of the {spec.VocabularyName} values: {values}");
        }
    }
}
