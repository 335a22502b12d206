using JasperFx;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.Inventory.Api;
using UnifiedCommerce.Inventory.Application;
using UnifiedCommerce.Inventory.Data;
using UnifiedCommerce.Inventory.Graph;
using UnifiedCommerce.Inventory.Messaging;
using UnifiedCommerce.IdentityReadModels;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.Subgraph;
using Wolverine;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformApi();
builder.AddServiceDatabase<InventoryDbContext>("inventory");
builder.AddMessaging<InventoryDbContext>(EventRoutes.Inventory);
builder.Services.ConfigureWolverine(InventoryMessaging.BatchCatalogChanges);
builder.AddIdentityReadModels();
builder.AddPublicCachePurging();
builder.AddSubgraph<InventorySchema>();
builder.Services.AddInventoryApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.UsePlatformApi();
app.MapDefaultEndpoints();
app.MapSubgraph<InventorySchema>();
app.MapInventoryApi();

return await app.RunJasperFxCommands(args);
