using JasperFx;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.Customers.Api;
using UnifiedCommerce.Customers.Application;
using UnifiedCommerce.Customers.Data;
using UnifiedCommerce.Customers.Graph;
using UnifiedCommerce.IdentityReadModels;
using UnifiedCommerce.Messaging;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.Subgraph;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformApi();
builder.AddServiceDatabase<CustomersDbContext>("customers");
builder.AddMessaging<CustomersDbContext>(EventRoutes.Customers);
builder.AddIdentityReadModels();
builder.AddSubgraph<CustomersSchema>();
builder.Services.AddCustomersApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.UsePlatformApi();
app.MapDefaultEndpoints();
app.MapSubgraph<CustomersSchema>();
app.MapCustomersApi();

return await app.RunJasperFxCommands(args);
