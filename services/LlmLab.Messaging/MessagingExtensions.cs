using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmLab.Messaging;

/// <summary>MassTransit on RabbitMQ (connection string "rabbitmq", Aspire's name) and the outbox relay.</summary>
public static class MessagingExtensions
{
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var connectionString = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured.");
        var prefetch = builder.Configuration.GetValue("Messaging:PrefetchCount", 16);

        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            consumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(connectionString));
                cfg.PrefetchCount = prefetch;
                // Long enough to ride out a restart of PostgreSQL or a dependency (about 80 s in all) before a message is dead-lettered.
                cfg.UseMessageRetry(r => r.Exponential(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1)));
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    public static IHostApplicationBuilder AddOutbox<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext, IOutboxDbContext
    {
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }
}
