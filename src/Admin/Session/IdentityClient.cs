using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace UnifiedCommerce.Admin.Session;

/// <summary>A token response from Identity's token endpoint.</summary>
public sealed record TokenSet(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Identity refused a token request: <c>invalid_grant</c> (the session is over) or another OAuth error.</summary>
public sealed class TokenRefusedException(string error, string? description)
    : Exception($"Identity refused the token request: {error} {description}")
{
    public string Error { get; } = error;
    public string? Description { get; } = description;
}

/// <summary>
/// The back channel to Identity as the OAuth client <c>admin</c>: refreshing (optionally for another merchant),
/// revoking, and the signed-in person's memberships.
/// </summary>
public sealed class IdentityClient(HttpClient http, IOptions<AdminOptions> options)
{
    public const string ClientId = "admin";

    /// <summary>The token request parameter that picks the merchant a staff member's new tokens act for.</summary>
    public const string MerchantParameter = "merchant_id";

    private readonly AdminOptions _options = options.Value;

    /// <summary>New tokens from a refresh token; the refresh token rotates, so the caller keeps the new one.</summary>
    public async Task<TokenSet> RefreshAsync(string refreshToken, string? merchantId, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = ClientId,
            ["client_secret"] = _options.ClientSecret,
        };
        if (merchantId is not null)
        {
            form[MerchantParameter] = merchantId;
        }

        using var response = await http.PostAsync(new Uri(_options.IdentityBase, "connect/token"), new FormUrlEncodedContent(form), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var (error, description) = OAuthError(body);
            // 400s are Identity's answer about this grant; anything else is Identity failing, which may pass.
            if ((int)response.StatusCode is >= 400 and < 500)
            {
                throw new TokenRefusedException(error ?? "invalid_grant", description);
            }

            throw new HttpRequestException($"Identity's token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return JsonSerializer.Deserialize<TokenSet>(body) ?? throw new HttpRequestException("Identity's token endpoint answered no tokens.");
    }

    /// <summary>Revokes a refresh token (signing out); a token already gone counts as revoked.</summary>
    public async Task RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri(_options.IdentityBase, "connect/revoke"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = ClientId,
            ["client_secret"] = _options.ClientSecret,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The merchants the person works for, as Identity lists them (for the merchant switcher).</summary>
    public async Task<JsonElement> MembershipsAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.IdentityBase, "api/v1/account/memberships"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>Identity's end-session address, which returns the browser to the admin's home page.</summary>
    public Uri EndSessionUrl() => new(_options.IdentityBase,
        $"connect/endsession?client_id={ClientId}&post_logout_redirect_uri={Uri.EscapeDataString(_options.PublicOrigin + "/")}");

    private static (string? Error, string? Description) OAuthError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return (root.TryGetProperty("error", out var error) ? error.GetString() : null,
                root.TryGetProperty("error_description", out var description) ? description.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
