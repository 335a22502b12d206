using JasperFx;
using UnifiedCommerce.Inventory.Api;
using UnifiedCommerce.Inventory.Application;
using UnifiedCommerce.Inventory.Data;
using UnifiedCommerce.Inventory.Graph;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.ServiceDefaults.GraphQL;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<InventoryDbContext>("inventory");
builder.AddMessaging<InventoryDbContext>(EventRoutes.Inventory);
builder.AddSubgraph<InventorySchema>();
builder.Services.AddInventoryApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapSubgraph<InventorySchema>();
app.MapInventoryApi();

return await app.RunJasperFxCommands(args);
