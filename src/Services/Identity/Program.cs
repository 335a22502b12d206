using JasperFx;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.Identity.Api;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Email;
using UnifiedCommerce.Identity.Graph;
using UnifiedCommerce.Identity.OAuth;
using UnifiedCommerce.Identity.Pages;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.Subgraph;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformApi();
builder.AddServiceDatabase<IdentityDbContext>("identity");
builder.AddMessaging<IdentityDbContext>(EventRoutes.Identity);
builder.AddSubgraph<IdentitySchema>();
builder.Services.AddIdentityApplication();
builder.AddTokenIssuer();
builder.AddAccounts();

var app = builder.Build();

// The real client address first: sign-in throttling and security events rely on it.
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.UsePlatformApi();
app.MapDefaultEndpoints();
app.MapSubgraph<IdentitySchema>();
app.MapIdentityApi();
app.MapTokenEndpoint();
app.MapSignInEndpoints();
app.MapAccountPages();
app.MapAccountApi();
app.MapStaffApi();
app.MapDevMailbox();

return await app.RunJasperFxCommands(args);
