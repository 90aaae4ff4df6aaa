using System.Text;
using System.Text.Json;
using ChatOpsBot.Discord.Security;
using ChatOpsBot.Discord.Tests.Support;
using NSec.Cryptography;

namespace ChatOpsBot.Discord.Tests.Security;

public sealed class InteractionSignatureVerifierTests
{
    public static TheoryData<string> VectorNames()
    {
        using var document = Fixtures.Json("ed25519_test_vectors.json");
        var names = new TheoryData<string>();
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            names.Add(vector.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Verify_FixtureVector_MatchesExpectedValidity(string name)
    {
        var vector = LoadVector(name);

        var verifier = new InteractionSignatureVerifier(vector.PublicKey);

        Assert.Equal(vector.ExpectedValid, verifier.Verify(vector.Signature, vector.Timestamp, vector.Body));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Verify_TamperedTwinOfValidVector_IsRejected(string name)
    {
        var vector = LoadVector(name);
        if (!vector.ExpectedValid)
        {
            return;
        }

        var verifier = new InteractionSignatureVerifier(vector.PublicKey);
        var signature = Convert.FromHexString(vector.Signature);

        // One signature byte flipped, at the start, the middle (R/S boundary) and the end.
        foreach (var index in new[] { 0, 31, 32, 63 })
        {
            var tampered = (byte[])signature.Clone();
            tampered[index] ^= 0x01;
            Assert.False(verifier.Verify(Convert.ToHexString(tampered), vector.Timestamp, vector.Body), $"signature byte {index} flipped");
        }

        // One body byte flipped (or one byte added to an empty body).
        if (vector.Body.Length > 0)
        {
            foreach (var index in new[] { 0, vector.Body.Length / 2, vector.Body.Length - 1 })
            {
                var body = (byte[])vector.Body.Clone();
                body[index] ^= 0x01;
                Assert.False(verifier.Verify(vector.Signature, vector.Timestamp, body), $"body byte {index} flipped");
            }
        }

        Assert.False(verifier.Verify(vector.Signature, vector.Timestamp, [.. vector.Body, (byte)'\n']), "trailing newline added");

        // Timestamp changed by one character (or one character added to an empty timestamp).
        var timestamp = vector.Timestamp.Length > 0
            ? vector.Timestamp[..^1] + (char)(vector.Timestamp[^1] ^ 0x01)
            : "0";
        Assert.False(verifier.Verify(vector.Signature, timestamp, vector.Body), "timestamp changed");
    }

    [Fact]
    public void Verify_UpstreamVerifyNodeFile_ValidPairVerifiesAndInvalidPairDoesNot()
    {
        using var document = Fixtures.Json("ed25519_vectors.ssmmiles-verify-node-data.upstream.json");
        var root = document.RootElement;
        var verifier = new InteractionSignatureVerifier(root.GetProperty("PUBLIC_KEY").GetString()!);

        Assert.True(verifier.Verify(
            root.GetProperty("SIGNATURE_VALID").GetString(),
            root.GetProperty("TIMESTAMP_VALID").GetString(),
            Encoding.UTF8.GetBytes(root.GetProperty("BODY_VALID").GetString()!)));
        Assert.False(verifier.Verify(
            root.GetProperty("SIGNATURE_INVALID").GetString(),
            root.GetProperty("TIMESTAMP_INVALID").GetString(),
            Encoding.UTF8.GetBytes(root.GetProperty("BODY_INVALID").GetString()!)));
    }

    [Fact]
    public void Verify_RealPingBodyFileBytes_VerifyWithTheCapturedSignature()
    {
        using var document = Fixtures.Json("ed25519_vectors.ssmmiles-verify-node-data.upstream.json");
        var root = document.RootElement;
        var verifier = new InteractionSignatureVerifier(root.GetProperty("PUBLIC_KEY").GetString()!);

        Assert.True(verifier.Verify(
            root.GetProperty("SIGNATURE_VALID").GetString(),
            root.GetProperty("TIMESTAMP_VALID").GetString(),
            Fixtures.Bytes("ping_interaction.real.body.json")));
        Assert.False(verifier.Verify(
            root.GetProperty("SIGNATURE_INVALID").GetString(),
            root.GetProperty("TIMESTAMP_INVALID").GetString(),
            Fixtures.Bytes("ping_interaction.real_bad_signature_probe.body.json")));
    }

    [Fact]
    public void Verify_UpstreamOhNoFile_VerifiesWithEmptyTimestamp()
    {
        using var document = Fixtures.Json("ed25519_vector_oh_no.ssmmiles-verify-data.upstream.json");
        var root = document.RootElement;
        var verifier = new InteractionSignatureVerifier(root.GetProperty("PUBLIC_KEY").GetString()!);
        var signature = root.GetProperty("SIGNATURE").GetString()!;

        Assert.True(verifier.Verify(signature, string.Empty, "Oh no!"u8));
        Assert.True(verifier.Verify(signature.ToUpperInvariant(), string.Empty, "Oh no!"u8));
        Assert.False(verifier.Verify(signature, string.Empty, "Oh no?"u8));
    }

    [Theory]
    [InlineData(null, "1657322078")]
    [InlineData("", "1657322078")]
    [InlineData("zz", "1657322078")]
    [InlineData("28b4ab5f", "1657322078")]
    [InlineData("28b4ab5f09cce30c7f7f4ab4b47c311f0ce83dd8fec06d34e402c44d64223be5016f95339e64bdabcbd395e9147afe3f8cd024868330ab41014ae51b5573a00", "1657322078")]
    [InlineData("28b4ab5f09cce30c7f7f4ab4b47c311f0ce83dd8fec06d34e402c44d64223be5016f95339e64bdabcbd395e9147afe3f8cd024868330ab41014ae51b5573a00900", "1657322078")]
    [InlineData("g8b4ab5f09cce30c7f7f4ab4b47c311f0ce83dd8fec06d34e402c44d64223be5016f95339e64bdabcbd395e9147afe3f8cd024868330ab41014ae51b5573a009", "1657322078")]
    [InlineData(" 8b4ab5f09cce30c7f7f4ab4b47c311f0ce83dd8fec06d34e402c44d64223be5016f95339e64bdabcbd395e9147afe3f8cd024868330ab41014ae51b5573a009", "1657322078")]
    [InlineData("28b4ab5f09cce30c7f7f4ab4b47c311f0ce83dd8fec06d34e402c44d64223be5016f95339e64bdabcbd395e9147afe3f8cd024868330ab41014ae51b5573a009", null)]
    public void Verify_MissingOrMalformedHeaders_ReturnsFalseWithoutThrowing(string? signature, string? timestamp)
    {
        var verifier = new InteractionSignatureVerifier("c5568d0facd66bddee281dcb9c8ac02e169c5c20741b215b2539a96bb183c5d6");

        Assert.False(verifier.Verify(signature, timestamp, Fixtures.Bytes("ping_interaction.real.body.json")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("c5568d0f")]
    [InlineData("c5568d0facd66bddee281dcb9c8ac02e169c5c20741b215b2539a96bb183c5d")]
    [InlineData("x5568d0facd66bddee281dcb9c8ac02e169c5c20741b215b2539a96bb183c5d6")]
    public void Constructor_MalformedPublicKey_ThrowsNamingTheSetting(string publicKey)
    {
        var error = Assert.Throws<ArgumentException>(() => new InteractionSignatureVerifier(publicKey));

        Assert.Contains("Discord:PublicKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FreshKeySignsTimestampPlusBody_RoundTrips()
    {
        var algorithm = SignatureAlgorithm.Ed25519;
        using var key = Key.Create(algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var body = """{"type":1,"id":"1","application_id":"2","token":"t","version":1}"""u8.ToArray();
        const string timestamp = "1700000000";
        var signature = algorithm.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        var verifier = new InteractionSignatureVerifier(Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));

        Assert.True(verifier.Verify(Convert.ToHexStringLower(signature), timestamp, body));
        Assert.False(verifier.Verify(Convert.ToHexStringLower(signature), "1700000001", body));
    }

    private static Vector LoadVector(string name)
    {
        using var document = Fixtures.Json("ed25519_test_vectors.json");
        var element = document.RootElement.GetProperty("vectors").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == name);
        return new Vector(
            element.GetProperty("public_key").GetString()!,
            element.GetProperty("timestamp").GetString()!,
            Encoding.UTF8.GetBytes(element.GetProperty("body").GetString()!),
            element.GetProperty("signature").GetString()!,
            element.GetProperty("expected_valid").GetBoolean());
    }

    private sealed record Vector(string PublicKey, string Timestamp, byte[] Body, string Signature, bool ExpectedValid);
}
