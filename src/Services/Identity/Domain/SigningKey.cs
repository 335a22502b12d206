namespace UnifiedCommerce.Identity.Domain;

public enum SigningKeyUse
{
    /// <summary>RSA key that signs access tokens; other services verify with its public half (JWKS).</summary>
    Signing,

    /// <summary>Symmetric key that encrypts the tokens only Identity reads (authorization codes, refresh tokens).</summary>
    Encryption,
}

/// <summary>
/// Key material of the token issuer, kept in the database so a restart or a second instance issues and accepts
/// the same tokens. Newer keys sign; older ones stay published until they expire, so tokens already issued stay valid.
/// </summary>
public sealed class SigningKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SigningKeyUse Use { get; set; }
    public required byte[] Material { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset ExpiresAt { get; set; }
}
