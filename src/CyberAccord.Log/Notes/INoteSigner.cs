namespace CyberAccord.Log.Notes;

/// <summary>Signs note text as one key of the C2SP signed-note format.</summary>
public interface INoteSigner
{
    string KeyName { get; }

    uint KeyId { get; }

    /// <summary>The signature bytes that follow the key ID in the signature line.</summary>
    byte[] Sign(ReadOnlySpan<byte> text);
}

/// <summary>Checks signatures of one key of the C2SP signed-note format.</summary>
public interface INoteVerifier
{
    string KeyName { get; }

    uint KeyId { get; }

    /// <summary>The verifier key in C2SP vkey form: name+hex(key ID)+base64(type ‖ key).</summary>
    string VerifierKey { get; }

    bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature);
}
