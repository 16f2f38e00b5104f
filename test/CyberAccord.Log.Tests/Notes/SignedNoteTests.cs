using System.Text;
using CyberAccord.Log.Notes;

namespace CyberAccord.Log.Tests.Notes;

public sealed class SignedNoteTests
{
    private static readonly System.Text.Json.JsonElement Vectors = TestData.Json("tlog/extracted/signed-note-vectors.json");
    private static readonly System.Text.Json.JsonElement Ed = Vectors.GetProperty("ed25519Vectors");

    private static readonly System.Text.Json.JsonElement EcdsaNotes =
        TestData.Json("tlog/extracted/ecdsa-note-vectors.json").GetProperty("type0x02_ecdsa").GetProperty("vectors");

    private static IEnumerable<System.Text.Json.JsonElement> PublishedEd25519Notes =>
        Ed.EnumerateArray().Where(v => v.TryGetProperty("signedNote", out _));

    private static string S(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static string Why(System.Text.Json.JsonElement badVkey) => S(badVkey, "why");

    public static TheoryData<string> PublishedEd25519NoteNames() => NamedVectors.Names(PublishedEd25519Notes, NamedVectors.Desc);

    public static TheoryData<string> EcdsaNoteNames() => NamedVectors.Names(EcdsaNotes, NamedVectors.Desc);

    public static TheoryData<string> BadVkeyNames() => NamedVectors.Names(Vectors.GetProperty("badVkeys"), Why);

    [Theory]
    [MemberData(nameof(PublishedEd25519NoteNames))]
    public void Published_ed25519_note_verifies_with_its_vkey(string vector)
    {
        var published = NamedVectors.Find(PublishedEd25519Notes, NamedVectors.Desc, vector);
        var keys = NoteVerifierSet.FromVerifierKeys([S(published, "vkey")]);
        var opened = keys.Open(Encoding.UTF8.GetBytes(S(published, "signedNote")));
        Assert.Equal(S(published, "text"), opened.Note.Text);
        Assert.Single(opened.Verified);
    }

    [Fact]
    public void Signing_with_the_published_test_key_reproduces_the_signature_byte_for_byte()
    {
        var vector = Ed[0];
        using var signer = Ed25519NoteSigner.ParseSignerKey(S(vector, "skey"));
        Assert.Equal(S(vector, "vkey"), signer.Verifier.VerifierKey);
        var note = SignedNote.Sign(S(vector, "text"), signer);
        Assert.Equal(S(vector, "signedNote"), note.Format());
        Assert.Equal(S(vector, "skey"), signer.ToSignerKey());
    }

    [Theory]
    [InlineData("log")]
    [InlineData("known1")]
    [InlineData("known2")]
    [InlineData("unknown")]
    public void Transparency_dev_test_key_round_trips_between_skey_and_vkey(string name)
    {
        var keys = Vectors.GetProperty("testKeysFromTransparencyDevFormats");
        using var signer = Ed25519NoteSigner.ParseSignerKey(S(keys, name + "SK"));
        Assert.Equal(S(keys, name + "VK"), signer.Verifier.VerifierKey);
    }

    [Fact]
    public void Unknown_signers_are_ignored_when_a_known_one_verifies()
    {
        var text = S(Ed[1], "text");
        var note = S(Ed[0], "signedNote") + S(Ed[1], "signatureLine");
        var opened = NoteVerifierSet.FromVerifierKeys([S(Ed[0], "vkey")]).Open(Encoding.UTF8.GetBytes(note));
        Assert.Equal(text, opened.Note.Text);
        Assert.Single(opened.Verified);
        Assert.Equal("EnochRoot", Assert.Single(opened.Unverified).KeyName);

        var both = NoteVerifierSet.FromVerifierKeys([S(Ed[0], "vkey"), S(Ed[1], "vkey")]).Open(Encoding.UTF8.GetBytes(note));
        Assert.Equal(2, both.Verified.Count);
    }

    [Fact]
    public void A_note_with_no_trusted_signature_is_refused()
    {
        var unknown = Vectors.GetProperty("testKeysFromTransparencyDevFormats").GetProperty("unknownVK").GetString()!;
        var keys = NoteVerifierSet.FromVerifierKeys([unknown]);
        var e = Assert.Throws<NoteVerificationException>(() => keys.Open(Encoding.UTF8.GetBytes(S(Ed[0], "signedNote"))));
        Assert.Contains("no verifiable signatures", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_key_listed_twice_is_ambiguous()
    {
        var keys = NoteVerifierSet.FromVerifierKeys([S(Ed[0], "vkey"), S(Ed[0], "vkey")]);
        var e = Assert.Throws<NoteVerificationException>(() => keys.Open(Encoding.UTF8.GetBytes(S(Ed[0], "signedNote"))));
        Assert.Contains("ambiguous", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_signature_by_a_known_key_rejects_the_note()
    {
        var note = S(Ed[0], "signedNote").Replace("your problem,", "your problems", StringComparison.Ordinal);
        var keys = NoteVerifierSet.FromVerifierKeys([S(Ed[0], "vkey")]);
        var e = Assert.Throws<NoteVerificationException>(() => keys.Open(Encoding.UTF8.GetBytes(note)));
        Assert.Contains("invalid signature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_a_hundred_signatures_is_malformed()
    {
        var text = S(Ed[0], "text");
        var line = S(Ed[0], "signedNote")[(text.Length + 1)..];
        var note = text + "\n" + string.Concat(Enumerable.Repeat(line, 101));
        Assert.Throws<LogFormatException>(() => SignedNote.Parse(note));
        Assert.Equal(100, SignedNote.Parse(text + "\n" + string.Concat(Enumerable.Repeat(line, 100))).Signatures.Count);
    }

    public static TheoryData<string, string> MalformedNotes()
    {
        var text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
        var sig = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        return new TheoryData<string, string>
        {
            { "text only", text },
            { "text and blank line only", text + "\n" },
            { "no final newline on the signature line", text + "\n" + sig.TrimEnd('\n') },
            { "leading 0x01 byte", "\u0001" + text + "\n" + sig },
            { "leading 0xff byte as U+00FF is fine but a control char is not", "\u0007" + text + "\n" + sig },
            { "key name with a space", text + "\n" + sig.Replace("PeterNeumann", "Peter Neumann", StringComparison.Ordinal) },
            { "trailing non-signature line", text + "\n" + sig + "hello\n" },
            { "signature too short", text + "\n\u2014 PeterNeumann AAAA\n" },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedNotes))]
    public void Malformed_notes_are_rejected(string why, string note)
    {
        Assert.False(string.IsNullOrEmpty(why));
        Assert.Throws<LogFormatException>(() => SignedNote.Parse(note));
    }

    [Fact]
    public void Invalid_utf8_is_malformed()
    {
        var bytes = Encoding.UTF8.GetBytes(S(Ed[0], "signedNote"));
        bytes[3] = 0xff;
        Assert.Throws<LogFormatException>(() => SignedNote.Parse(bytes));
    }

    /// <summary>The list's vectors are bad but for the one its reason marks VALID, which must parse under its own name.</summary>
    [Theory]
    [MemberData(nameof(BadVkeyNames))]
    public void Bad_vkey_is_refused_and_the_valid_one_parses(string why)
    {
        var vkey = S(NamedVectors.Find(Vectors.GetProperty("badVkeys"), Why, why), "vkey");
        if (why.StartsWith("VALID", StringComparison.Ordinal))
        {
            Assert.Equal("logandmap", VerifierKeys.Parse(vkey).KeyName);
        }
        else
        {
            Assert.Throws<LogFormatException>(() => VerifierKeys.Parse(vkey));
        }
    }

    [Fact]
    public void A_vkey_whose_key_id_is_not_its_keys_is_refused()
    {
        // PeterNeumann's published vkey, with key ID c74f20a3 changed to c74f20a4.
        Assert.Throws<LogFormatException>(() => VerifierKeys.Parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    }

    [Theory]
    [MemberData(nameof(EcdsaNoteNames))]
    public void Ecdsa_checkpoint_of_a_real_log_verifies(string vector)
    {
        var ecdsa = NamedVectors.Find(EcdsaNotes, NamedVectors.Desc, vector);
        var keys = NoteVerifierSet.FromVerifierKeys([S(ecdsa, "vkey")]);
        var note = S(ecdsa, "signedNote");
        Assert.Single(keys.Open(Encoding.UTF8.GetBytes(note)).Verified);

        var altered = "X" + note[1..];
        Assert.Throws<NoteVerificationException>(() => keys.Open(Encoding.UTF8.GetBytes(altered)));
    }

    [Fact]
    public void Generated_ecdsa_and_ed25519_keys_sign_notes_that_verify_only_with_their_own_vkeys()
    {
        using var ecdsa = EcdsaNoteSigner.Generate("example.org/log");
        using var ed25519 = Ed25519NoteSigner.Generate("example.org/log");
        var note = SignedNote.Sign("example.org/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", ed25519, ecdsa).ToBytes();
        var both = NoteVerifierSet.FromVerifierKeys([ecdsa.Verifier.VerifierKey, ed25519.Verifier.VerifierKey]);
        Assert.Equal(2, both.Open(note).Verified.Count);
        using var other = EcdsaNoteSigner.Generate("example.org/log");
        Assert.Throws<NoteVerificationException>(() => NoteVerifierSet.FromVerifierKeys([other.Verifier.VerifierKey]).Open(note));
        using var reimported = EcdsaNoteSigner.ImportPkcs8Pem("example.org/log", ecdsa.ExportPkcs8Pem());
        Assert.Equal(ecdsa.Verifier.VerifierKey, reimported.Verifier.VerifierKey);
    }
}

public sealed class Rfc6962NoteVerifierTests
{
    private static readonly System.Text.Json.JsonElement Vectors =
        TestData.Json("tlog/extracted/ecdsa-note-vectors.json").GetProperty("type0x05_rfc6962TreeHeadSignature").GetProperty("vectors");

    [Fact]
    public void A_static_ct_checkpoint_verifies_and_carries_its_timestamp()
    {
        var vector = Vectors[0];
        var keys = NoteVerifierSet.FromVerifierKeys([vector.GetProperty("vkey").GetString()!]);
        var note = vector.GetProperty("signedNote").GetString()!;
        var opened = keys.Open(Encoding.UTF8.GetBytes(note));
        Assert.Equal((ulong)vector.GetProperty("expectedTimestampMs").GetInt64(),
            Rfc6962NoteVerifier.Timestamp(Assert.Single(opened.Verified).Signature));

        var altered = note.Replace("\n115474666\n", "\n115474667\n", StringComparison.Ordinal);
        Assert.Throws<NoteVerificationException>(() => keys.Open(Encoding.UTF8.GetBytes(altered)));
    }

    [Fact]
    public void An_argon2024_tree_head_verifies_once_written_as_a_checkpoint()
    {
        var vector = Vectors[1];
        var sth = System.Text.Json.JsonDocument.Parse(vector.GetProperty("sthJson").GetString()!).RootElement;
        var signature = Convert.FromBase64String(sth.GetProperty("tree_head_signature").GetString()!);
        var verifier = Assert.IsType<Rfc6962NoteVerifier>(VerifierKeys.Parse(vector.GetProperty("vkey").GetString()!));
        var text = $"ct.googleapis.com/logs/us1/argon2024\n{sth.GetProperty("tree_size").GetInt64()}\n"
            + $"{sth.GetProperty("sha256_root_hash").GetString()}\n";
        var timestamp = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(timestamp, (ulong)sth.GetProperty("timestamp").GetInt64());
        Assert.True(verifier.Verify(Encoding.UTF8.GetBytes(text), [.. timestamp, .. signature]));
        timestamp[7] ^= 1;
        Assert.False(verifier.Verify(Encoding.UTF8.GetBytes(text), [.. timestamp, .. signature]));
    }

    [Theory]
    [InlineData(Rfc6962NoteVerifier.Type)]
    [InlineData(EcdsaNoteVerifier.Type)]
    public void An_ecdsa_key_with_bytes_after_its_subject_public_key_info_is_refused(byte type)
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        byte[] spki = [.. ecdsa.ExportSubjectPublicKeyInfo(), 0x00];
        var e = Assert.Throws<LogFormatException>(() => type == Rfc6962NoteVerifier.Type
            ? (INoteVerifier)new Rfc6962NoteVerifier("example.org/log", spki)
            : new EcdsaNoteVerifier("example.org/log", spki));
        Assert.Contains("trailing bytes", e.Message, StringComparison.Ordinal);
    }
}
