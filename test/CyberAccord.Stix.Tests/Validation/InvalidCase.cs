using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Tests.Validation;

/// <summary>One rule broken on purpose: which base object, how it is broken, and the issue that must be reported.</summary>
internal sealed record InvalidCase(string Name, string Base, Action<JsonObject> Mutate, string Code, string Path, bool Warning = false);
