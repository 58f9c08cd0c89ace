using System.Text.Json;
using System.Text.Json.Serialization;
using LlmLab.ServiceKit.InternalIdentity;
using LlmLab.ServiceKit.OpenAi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmLab.ServiceKit;

/// <summary>The HTTP conventions of every LLM Lab service: snake_case JSON and problem+json for every error.</summary>
public static class ServiceKitExtensions
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public static IHostApplicationBuilder AddServiceKit(this IHostApplicationBuilder builder)
    {
        // Before AddProblemDetails: the first writer that can write a problem writes it, and /v1 answers in OpenAI's shape.
        builder.Services.AddSingleton<IProblemDetailsWriter, OpenAiProblemWriter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        // Binding failures throw so the handler above can name the field instead of answering an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => Apply(o.SerializerOptions));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddInternalIdentity();
        builder.Services.Configure<TierLimits>(builder.Configuration.GetSection(TierLimits.Section));
        return builder;
    }

    /// <summary>
    /// The error conventions, and the front door every service has: only requests signed with the platform secret get
    /// in. The gateway, whose callers are outside, passes <paramref name="requireInternalIdentity"/> false.
    /// </summary>
    public static WebApplication UseServiceKit(this WebApplication app, bool requireInternalIdentity = true)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (requireInternalIdentity) app.UseMiddleware<InternalIdentityMiddleware>();
        app.UseRequestGuard();
        return app;
    }

    private static void AddInternalIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InternalTokenOptions>()
            .Bind(builder.Configuration.GetSection(InternalTokenOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<InternalTokens>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new ServiceName(builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName));
        builder.Services.AddTransient<InternalIdentityHandler>();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<InternalIdentityHandler>());
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }

    private static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new SafeStringConverter());
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new MicrosecondDateTimeOffsetConverter());
    }
}
