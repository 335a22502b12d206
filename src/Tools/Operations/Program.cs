using UnifiedCommerce.Operations;

// Operator commands of the platform, run by the AppHost and by ./commerce:
//   provision        create roles and databases, then apply every service's migrations
//   export-schemas D write each service's federation SDL into folder D (input of the supergraph composition)
//   seed             load the demo merchants' catalogs and stock through the services' APIs
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

try
{
    return args switch
    {
        ["provision"] => await ProvisionCommand.RunAsync(cancellation.Token),
        ["export-schemas", var folder] => await SchemaExportCommand.RunAsync(folder),
        ["seed"] => await SeedCommand.RunAsync(cancellation.Token),
        _ => Usage(),
    };
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

static int Usage()
{
    Console.Error.WriteLine("usage: UnifiedCommerce.Operations provision | export-schemas <folder> | seed");
    return 2;
}
