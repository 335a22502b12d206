using JasperFx;
using UnifiedCommerce.Catalog.Api;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Graph;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.ServiceDefaults.GraphQL;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<CatalogDbContext>("catalog");
builder.AddMessaging<CatalogDbContext>(EventRoutes.Catalog);
builder.AddSubgraph<CatalogSchema>();
builder.Services.AddCatalogApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapSubgraph<CatalogSchema>();
app.MapCatalogApi();

return await app.RunJasperFxCommands(args);
