using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UnifiedCommerce.Operations.Seeding;

/// <summary>An HTML page as a person's browser received it.</summary>
public sealed record WebPage(HttpStatusCode Status, Uri Address, string Html)
{
    /// <summary>The page's visible text, roughly: tags removed, entities decoded, spaces collapsed.</summary>
    public string Text => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(Html, "<style[^>]*>.*?</style>|<[^>]+>", " ", RegexOptions.Singleline)), @"\s+", " ").Trim();

    /// <summary>The text of the page's alert, if it shows one.</summary>
    public string? Alert => Regex.Match(Html, "<p class=\"alert\" role=\"alert\">(.*?)</p>") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    public string Title => WebUtility.HtmlDecode(Regex.Match(Html, "<h1>(.*?)</h1>").Groups[1].Value);

    /// <summary>The address a link with this text points to, resolved against the page.</summary>
    public Uri Link(string text)
    {
        var match = Regex.Match(Html, $"<a href=\"([^\"]*)\">{Regex.Escape(text)}</a>");
        return match.Success ? new Uri(Address, WebUtility.HtmlDecode(match.Groups[1].Value)) : throw new InvalidOperationException($"No link '{text}' on {Address}: {Text}");
    }
}

/// <summary>
/// What a person's browser does with Identity's pages: keeps cookies, follows redirects within Identity, fills in
/// and sends forms (hidden fields, antiforgery token included). It stops at the first redirect that leaves Identity,
/// such as the storefront's callback. The seeder onboards demo people with it, and tests drive sign-in with it.
/// Each browser can claim its own client address (X-Forwarded-For from loopback, which Identity believes where
/// loopback is configured as a trusted proxy, as the tests do), so per-address throttling in one test does not
/// spill into another.
/// </summary>
public sealed class SignInBrowser : IDisposable
{
    private static int _lastAddress = RandomNumberGenerator.GetInt32(1, 1 << 16);

    private readonly HttpClient _http;
    private readonly Uri _identity;

    public SignInBrowser(Uri identity, string? clientAddress = null)
    {
        _identity = identity;
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = identity };
        // Each browser its own address (in the 198.18.0.0/15 test range), so no two share a throttling budget by chance.
        var next = Interlocked.Increment(ref _lastAddress);
        ClientAddress = clientAddress ?? $"198.{18 + ((next >> 16) & 1)}.{(next >> 8) & 255}.{next & 255}";
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("SignInBrowser/1.0");
    }

    public string ClientAddress { get; set; }

    /// <summary>Where the last redirect out of Identity pointed (for example the storefront callback with a code).</summary>
    public Uri? LeftFor { get; private set; }

    public Task<WebPage> OpenAsync(string address) => SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_identity, address)));

    public Task<WebPage> OpenAsync(Uri address) => SendAsync(new HttpRequestMessage(HttpMethod.Get, address));

    /// <summary>Fills in the page's (only) form with these values and sends it, keeping its hidden fields.</summary>
    /// <summary>
    /// Signs a shopper up on the store's sign-up page and confirms the address from the emailed link, as a person
    /// does. Afterwards the browser stands at the storefront's callback with a code (<see cref="LeftFor"/>).
    /// </summary>
    public async Task SignUpAndConfirmAsync(CodeFlowClient storefront, HttpClient identity, string email, string password, string? name = null)
    {
        var signUp = await OpenAsync(storefront.AuthorizeUrl(prompt: "create"));
        var sent = await SubmitAsync(signUp, ("name", name ?? ""), ("email", email), ("password", password));
        if (sent.Title != "Check your inbox")
        {
            throw new InvalidOperationException($"Could not sign {email} up: {sent.Text}");
        }

        await SubmitAsync(await OpenAsync(await Mailbox.LatestLinkAsync(identity, email, "Confirm your email")));
        if (LeftFor is null)
        {
            throw new InvalidOperationException($"Confirming {email} did not lead back to the store.");
        }
    }

    public Task<WebPage> SubmitAsync(WebPage page, params (string Field, string Value)[] values)
    {
        var form = Regex.Match(page.Html, "<form method=\"post\" action=\"([^\"]*)\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        if (!form.Success)
        {
            throw new InvalidOperationException($"No form on {page.Address}: {page.Text}");
        }

        var fields = Regex.Matches(form.Groups[2].Value, "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (field, value) in values)
        {
            fields[field] = value;
        }

        return SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(page.Address, WebUtility.HtmlDecode(form.Groups[1].Value)))
        {
            Content = new FormUrlEncodedContent(fields),
        });
    }

    private async Task<WebPage> SendAsync(HttpRequestMessage request)
    {
        LeftFor = null;
        for (var hops = 0; hops < 10; hops++)
        {
            request.Headers.Add("X-Forwarded-For", ClientAddress);
            using var response = await _http.SendAsync(request);
            if (response.Headers.Location is not { } location)
            {
                return new WebPage(response.StatusCode, request.RequestUri!, await response.Content.ReadAsStringAsync());
            }

            var next = new Uri(request.RequestUri!, location);
            if (next.GetLeftPart(UriPartial.Authority) != _identity.GetLeftPart(UriPartial.Authority))
            {
                LeftFor = next;
                return new WebPage(response.StatusCode, request.RequestUri!, "");
            }

            request.Dispose();
            request = new HttpRequestMessage(HttpMethod.Get, next);
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// An app's side of signing a person in (the storefront for shoppers, the admin for staff): authorization code
/// with PKCE as a confidential client, tokens from the back channel, refresh and revocation.
/// </summary>
public sealed class CodeFlowClient(HttpClient identity, string clientId, string clientSecret, string redirectUri)
{
    private readonly string _verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
    private readonly string _state = Base64Url(RandomNumberGenerator.GetBytes(16));

    public string ClientId => clientId;

    public string RedirectUri => redirectUri;

    /// <summary>The authorization request the storefront sends the shopper to.</summary>
    public string AuthorizeUrl(string? prompt = null, string scope = "openid email offline_access", string? redirectUri = null)
    {
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier)));
        var query = new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri ?? RedirectUri,
            ["scope"] = scope,
            ["state"] = _state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        if (prompt is not null)
        {
            query["prompt"] = prompt;
        }

        return "/connect/authorize?" + string.Join('&', query.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));
    }

    /// <summary>The code in the callback the shopper's browser was sent to, after checking the state.</summary>
    public string CodeFrom(Uri? callback)
    {
        if (callback is null || !callback.AbsoluteUri.StartsWith(RedirectUri + "?", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Not sent back to the storefront: {callback}");
        }

        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        if (query["state"] != _state || query["code"] is not { Length: > 0 } code)
        {
            throw new InvalidOperationException($"Unexpected callback: {callback}");
        }

        return code;
    }

    public Task<HttpResponseMessage> RedeemCodeResponseAsync(string code) => TokenResponseAsync(new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = RedirectUri,
        ["code_verifier"] = _verifier,
    });

    public async Task<JsonObject> RedeemCodeAsync(string code) => await SuccessAsync(await RedeemCodeResponseAsync(code));

    /// <summary>A new shopper signs up and confirms the address in the browser; returns the storefront's tokens.</summary>
    public async Task<JsonObject> SignUpAsync(SignInBrowser browser, string email, string password, string? name = null)
    {
        await browser.SignUpAndConfirmAsync(this, identity, email, password, name);
        return await RedeemCodeAsync(CodeFrom(browser.LeftFor));
    }

    /// <summary>Renews tokens; staff may name the merchant the new access token acts for (the merchant switcher).</summary>
    public Task<HttpResponseMessage> RefreshResponseAsync(string refreshToken, Guid? merchantId = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken };
        if (merchantId is { } merchant)
        {
            form["merchant_id"] = merchant.ToString();
        }

        return TokenResponseAsync(form);
    }

    public async Task<JsonObject> RefreshAsync(string refreshToken, Guid? merchantId = null) =>
        await SuccessAsync(await RefreshResponseAsync(refreshToken, merchantId));

    public async Task RevokeAsync(string refreshToken)
    {
        using var response = await identity.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));
        await SuccessAsync(response, expectJson: false);
    }

    private Task<HttpResponseMessage> TokenResponseAsync(Dictionary<string, string> form)
    {
        form["client_id"] = clientId;
        form["client_secret"] = clientSecret;
        return identity.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    private static async Task<JsonObject> SuccessAsync(HttpResponseMessage response, bool expectJson = true)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        }

        return expectJson ? JsonNode.Parse(text)!.AsObject() : [];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Identity's developer mailbox (enabled in local runs and tests), where the messages it sends can be read.</summary>
public static class Mailbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<JsonArray> MessagesToAsync(HttpClient identity, string address) =>
        (await identity.GetFromJsonAsync<JsonArray>($"/dev/mailbox/messages?to={Uri.EscapeDataString(address)}"))!;

    /// <summary>The first link of the newest message to the address whose subject contains the text.</summary>
    public static async Task<Uri> LatestLinkAsync(HttpClient identity, string address, string subjectContains)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonNode? message;
        while ((message = (await MessagesToAsync(identity, address))
            .FirstOrDefault(m => ((string)m!["subject"]!).Contains(subjectContains, StringComparison.OrdinalIgnoreCase))) is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message to {address} about '{subjectContains}' within {Patience.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }

        var link = Regex.Match((string)message!["textBody"]!, @"https?://\S+");
        return link.Success ? new Uri(link.Value) : throw new InvalidOperationException($"No link in: {message["textBody"]}");
    }
}
