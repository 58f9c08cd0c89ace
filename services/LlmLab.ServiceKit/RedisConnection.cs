using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace LlmLab.ServiceKit;

/// <summary>The process's one Redis connection (ConnectionStrings:redis, password included), shared as IConnectionMultiplexer.</summary>
public static class RedisConnection
{
    public static IConnectionMultiplexer AddRedisConnection(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("redis")
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not configured.");
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even when Redis is still coming up (or restarting): the multiplexer reconnects by itself.
        options.AbortOnConnectFail = false;
        var redis = ConnectionMultiplexer.Connect(options);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        return redis;
    }
}
