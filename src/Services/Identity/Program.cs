using JasperFx;
using UnifiedCommerce.Identity.Api;
using UnifiedCommerce.Identity.Application;
using UnifiedCommerce.Identity.Data;
using UnifiedCommerce.Identity.Graph;
using UnifiedCommerce.Identity.Tokens;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.ServiceDefaults.GraphQL;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<IdentityDbContext>("identity");
builder.AddMessaging<IdentityDbContext>(EventRoutes.Identity);
builder.AddSubgraph<IdentitySchema>();
builder.Services.AddIdentityApplication();
builder.AddTokenIssuer();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapSubgraph<IdentitySchema>();
app.MapIdentityApi();
app.MapTokenEndpoint();

return await app.RunJasperFxCommands(args);
