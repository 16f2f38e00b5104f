using System.Text.Json;

namespace CyberAccord.Log.Tests;

/// <summary>
/// The vectors of a JSON array or object as theory cases, one per vector: the case is the vector's name (its description,
/// path or key), so each shows by name in test results, and the test looks its vector up by that name.
/// </summary>
internal static class NamedVectors
{
    public static TheoryData<string> Names(IEnumerable<JsonElement> vectors, Func<JsonElement, string> name)
    {
        var names = new TheoryData<string>();
        foreach (var vector in vectors)
        {
            names.Add(name(vector));
        }

        return names;
    }

    public static TheoryData<string> Names(JsonElement vectors, Func<JsonElement, string> name) => Names(vectors.EnumerateArray(), name);

    /// <summary>The one vector of <paramref name="vectors"/> named <paramref name="wanted"/>.</summary>
    public static JsonElement Find(IEnumerable<JsonElement> vectors, Func<JsonElement, string> name, string wanted) =>
        vectors.Single(v => name(v) == wanted);

    public static JsonElement Find(JsonElement vectors, Func<JsonElement, string> name, string wanted) =>
        Find(vectors.EnumerateArray(), name, wanted);

    /// <summary>The names of a JSON object's properties, such as tile paths mapped to their bytes.</summary>
    public static TheoryData<string> PropertyNames(JsonElement vectors)
    {
        var names = new TheoryData<string>();
        foreach (var property in vectors.EnumerateObject())
        {
            names.Add(property.Name);
        }

        return names;
    }

    /// <summary>The <c>desc</c> field most upstream vectors carry.</summary>
    public static string Desc(JsonElement vector) => vector.GetProperty("desc").GetString()!;
}
