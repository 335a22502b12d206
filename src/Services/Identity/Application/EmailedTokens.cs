using System.Security.Cryptography;
using System.Text;

namespace UnifiedCommerce.Identity.Application;

/// <summary>Single-use tokens sent by email (verification, reset and invitation links): random, stored only as a hash.</summary>
public static class EmailedTokens
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[]? Hash(string? token) => string.IsNullOrEmpty(token) || token.Length > 200 ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
