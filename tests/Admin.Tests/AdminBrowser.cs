using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnifiedCommerce.TestSupport;

namespace UnifiedCommerce.Admin.Tests;

/// <summary>
/// What a person's browser does with the admin: one cookie jar for every site (the admin and Identity share the
/// host 127.0.0.1 on different ports, as on a local run), follows redirects wherever they lead, fills in Identity's
/// forms, and calls the admin's API as the SPA does (with the x-csrf header). Everything the admin answered is
/// kept, so a test can check that no token ever reached the browser.
/// </summary>
public sealed partial class AdminBrowser : IDisposable
{
    private readonly HttpClient _http;
    private readonly List<string> _adminBodies = [];
    private readonly List<string> _adminCookies = [];

    public AdminBrowser(Uri admin)
    {
        Admin = admin;
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = admin };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("AdminBrowser/1.0");
    }

    public Uri Admin { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every body the admin sent this browser.</summary>
    public IReadOnlyList<string> AdminBodies => _adminBodies;

    /// <summary>Every Set-Cookie header the admin sent this browser.</summary>
    public IReadOnlyList<string> AdminCookies => _adminCookies;

    /// <summary>Opens an address as a top-level navigation and follows every redirect.</summary>
    public async Task<WebPage> NavigateAsync(string address) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Admin, address)));

    /// <summary>Signs in through Identity's hosted page, starting from the admin's sign-in link; returns where the browser ends up.</summary>
    public async Task<WebPage> SignInAsync(string email, string password, string returnTo = "/")
    {
        var signIn = await NavigateAsync($"/bff/login?returnTo={Uri.EscapeDataString(returnTo)}");
        if (signIn.Title != "Sign in")
        {
            throw new InvalidOperationException($"Expected Identity's sign-in page, got {signIn.Address}: {signIn.Text}");
        }

        return await SubmitAsync(signIn, ("email", email), ("password", password));
    }

    /// <summary>Fills in the page's form and sends it, keeping its hidden fields (antiforgery token included).</summary>
    public Task<WebPage> SubmitAsync(WebPage page, params (string Field, string Value)[] values)
    {
        var form = FormPattern().Match(page.Html);
        if (!form.Success)
        {
            throw new InvalidOperationException($"No form on {page.Address}: {page.Text}");
        }

        var fields = HiddenFieldPattern().Matches(form.Groups[2].Value)
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

    /// <summary>
    /// A call of the SPA to the admin's API (no redirects followed); <paramref name="csrf"/> false leaves out the x-csrf
    /// header. A body that is <see cref="HttpContent"/> goes as it is, any other as JSON; <paramref name="expectContinue"/>
    /// sends the body only once the server has agreed to read it.
    /// </summary>
    public async Task<HttpResponseMessage> FetchAsync(HttpMethod method, string path, object? body = null, bool csrf = true, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.ExpectContinue = expectContinue;
        if (csrf)
        {
            request.Headers.Add("x-csrf", "1");
        }

        if (body is not null)
        {
            // Content as it is (a multipart upload, a raw body); anything else is sent as JSON.
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        var response = await _http.SendAsync(request);
        await RecordAsync(response);
        return response;
    }

    /// <summary>A successful call's JSON answer.</summary>
    public async Task<JsonNode> FetchJsonAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await FetchAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!
            : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }

    private async Task<WebPage> SendAsync(HttpRequestMessage request)
    {
        for (var hops = 0; hops < 12; hops++)
        {
            using var response = await _http.SendAsync(request);
            await RecordAsync(response);
            if (response.Headers.Location is not { } location)
            {
                return new WebPage(response.StatusCode, request.RequestUri!, await response.Content.ReadAsStringAsync());
            }

            var next = new Uri(request.RequestUri!, location);
            request.Dispose();
            request = new HttpRequestMessage(HttpMethod.Get, next);
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    private async Task RecordAsync(HttpResponseMessage response)
    {
        if (response.RequestMessage?.RequestUri is not { } address || address.GetLeftPart(UriPartial.Authority) != Admin.GetLeftPart(UriPartial.Authority))
        {
            return;
        }

        await response.Content.LoadIntoBufferAsync();
        _adminBodies.Add(await response.Content.ReadAsStringAsync());
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            _adminCookies.AddRange(cookies);
        }
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenFieldPattern();
}
