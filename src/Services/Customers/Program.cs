using JasperFx;
using UnifiedCommerce.Contracts;
using UnifiedCommerce.Customers.Api;
using UnifiedCommerce.Customers.Application;
using UnifiedCommerce.Customers.Data;
using UnifiedCommerce.Customers.Graph;
using UnifiedCommerce.ServiceDefaults;
using UnifiedCommerce.ServiceDefaults.GraphQL;
using UnifiedCommerce.ServiceDefaults.Messaging;
using UnifiedCommerce.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<CustomersDbContext>("customers");
builder.AddMessaging<CustomersDbContext>(EventRoutes.Customers);
builder.AddSubgraph<CustomersSchema>();
builder.Services.AddCustomersApplication();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapSubgraph<CustomersSchema>();
app.MapCustomersApi();

return await app.RunJasperFxCommands(args);
