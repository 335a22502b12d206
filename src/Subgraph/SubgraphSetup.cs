using GraphQL;
using GraphQL.Execution;
using GraphQL.Federation;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using UnifiedCommerce.PlatformApi;
using UnifiedCommerce.ServiceData;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Subgraph;

/// <summary>
/// Every service is a federation v2 subgraph served at POST /graphql. GraphQL.NET's transport packages are not
/// available, so the endpoint is written here once: read the request, execute, write the result.
/// </summary>
public static class SubgraphSetup
{
    public const string FederationVersion = "2.3";

    /// <summary>Where every subgraph answers GraphQL.</summary>
    public const string Path = PlatformApiExtensions.GraphQLPath;
    private const int MaxRequestBytes = 256 * 1024;

    public static IHostApplicationBuilder AddSubgraph<TSchema>(this IHostApplicationBuilder builder)
        where TSchema : Schema
    {
        builder.Services.AddScoped<BatchLoaders>();
        builder.Services.AddSubgraphSchema<TSchema>();
        return builder;
    }

    /// <summary>The schema alone, without the endpoint: also what the supergraph composition prints from.</summary>
    public static IServiceCollection AddSubgraphSchema<TSchema>(this IServiceCollection services)
        where TSchema : Schema
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<TSchema>()
            .AddSystemTextJson()
            .AddFederation(FederationVersion)
            .AddGraphTypes(typeof(TSchema).Assembly)
            .ConfigureSchema(schema => schema.RegisterType(new SafeTextGraphType()))
            .AddValidationRule<FieldAccessRule>()
            .AddValidationRule(services => new SchemaExposureRule(SchemaExposure.IsHidden(services)))
            .AddErrorInfoProvider(services => new CommerceErrorInfoProvider(SchemaExposure.IsHidden(services)))
            .AddUnhandledExceptionHandler(context => context.ErrorMessage = ExpectedErrors.MessageFor(context.OriginalException) ?? context.ErrorMessage)
            .ConfigureExecutionOptions(options => options.EnableMetrics = false)
            // Resolvers share the request's DbContext, which allows one query at a time; batch loaders supply
            // the parallelism that matters (one query per type and level).
            .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            // The gateway enforces cost per operation; subgraphs cap depth, and every list is bounded by page size.
            .AddComplexityAnalyzer(complexity => complexity.MaxDepth = 15));
        return services;
    }

    /// <summary>
    /// The endpoint admits everyone: access is decided per field (<see cref="FieldAccess"/>), so public storefront
    /// data and protected data can share one operation. A schema with an unguarded field does not start.
    /// </summary>
    public static IEndpointConventionBuilder MapSubgraph<TSchema>(this IEndpointRouteBuilder endpoints)
        where TSchema : ISchema
    {
        FieldAccess.Verify(endpoints.ServiceProvider.GetRequiredService<TSchema>());
        return endpoints.MapPost(Path, async (HttpContext http, IDocumentExecuter<TSchema> executer, IGraphQLTextSerializer serializer) =>
        {
            if (http.Request.ContentLength > MaxRequestBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The GraphQL request is too large.");
            }

            GraphQLRequest? request;
            try
            {
                request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            }
            catch (System.Text.Json.JsonException)
            {
                request = null;
            }

            if (request?.Query is null or "")
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body must be a GraphQL request with a query.");
            }

            var result = await executer.ExecuteAsync(options =>
            {
                options.Query = request.Query;
                options.OperationName = request.OperationName;
                options.Variables = request.Variables;
                options.Extensions = request.Extensions;
                options.RequestServices = http.RequestServices;
                options.User = http.User;
                options.CancellationToken = http.RequestAborted;
            });

            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
            return Results.Empty;
        }).AllowAnonymous().ExcludeFromDescription(); // The schema describes it, field by field; OpenAPI lists REST only.
    }

    /// <summary>The printed subgraph schema (federation SDL), as the gateway's composition reads it.</summary>
    public static async Task<string> PrintSubgraphSdlAsync(IServiceProvider services)
    {
        var executer = services.GetRequiredService<IDocumentExecuter>();
        var schema = services.GetRequiredService<ISchema>();
        FieldAccess.Verify(schema);
        var result = await executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = "{ _service { sdl } }";
            options.RequestServices = services;
        });
        var data = (Dictionary<string, object?>?)((ExecutionNode?)result.Data)?.ToValue();
        var service = (Dictionary<string, object?>?)data?["_service"];
        return service?["sdl"] as string ?? throw new InvalidOperationException("The schema did not print its SDL.");
    }
}

/// <summary>Errors a client caused, shown with their message and a machine-readable code; anything else stays generic.</summary>
internal static class ExpectedErrors
{
    public static string? MessageFor(Exception exception) => exception switch
    {
        RequestValidationException validation => validation.Message,
        NotFoundException notFound => notFound.Message,
        ConflictException conflict => conflict.Message,
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => "It was changed by someone else; read it again and retry.",
        CrossTenantAccessException => "Not found.",
        _ => null,
    };

    public static string? CodeFor(Exception? exception) => exception switch
    {
        RequestValidationException or UnacceptableGraphQLTextException => "BAD_USER_INPUT",
        NotFoundException or CrossTenantAccessException => "NOT_FOUND",
        ConflictException or Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => "CONFLICT",
        _ => null,
    };
}

internal sealed class CommerceErrorInfoProvider(bool hideSchema) : ErrorInfoProvider
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (hideSchema && executionError is ValidationError)
        {
            info.Message = SchemaExposure.WithoutSuggestions(info.Message);
        }

        if (ExpectedErrors.CodeFor(executionError.InnerException) is { } code)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["code"] = code;
        }

        // What is wrong with each input field, keyed like REST's validation problem details, so a form can show it.
        if (executionError.InnerException is RequestValidationException validation)
        {
            info.Extensions!["fields"] = validation.Errors;
        }

        if (executionError.InnerException is ConflictException { Details: var details })
        {
            foreach (var (key, value) in details)
            {
                info.Extensions![key] = value;
            }
        }

        return info;
    }
}
