using JasperFx;
using UnifiedCommerce.Catalog.Api;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Data;
using UnifiedCommerce.Catalog.Graph;
using UnifiedCommerce.Catalog.Media;
using UnifiedCommerce.Catalog.Imports;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.IdentityReadModels;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.Subgraph;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformApi();
builder.AddServiceDatabase<CatalogDbContext>("catalog");
builder.AddMessaging<CatalogDbContext>(EventRoutes.Catalog);
builder.AddIdentityReadModels();
builder.AddPublicCachePurging();
builder.AddSubgraph<CatalogSchema>();
builder.Services.AddCatalogApplication();
builder.Services.AddMediaStorage(builder.Configuration, builder.Environment);
builder.Services.AddCatalogImports();

var app = builder.Build();

app.UseServiceDefaults();
app.UsePlatformApi();
app.MapDefaultEndpoints();
app.MapSubgraph<CatalogSchema>();
app.MapCatalogApi();
app.MapMediaApi();
app.MapImportApi();

return await app.RunJasperFxCommands(args);
