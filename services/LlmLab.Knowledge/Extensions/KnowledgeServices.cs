using LlmLab.Contracts.Llm;
using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Documents;
using LlmLab.Knowledge.IndexSync;
using LlmLab.Knowledge.Retrieval;
using LlmLab.Knowledge.TenantData;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.Extensions.Options;

namespace LlmLab.Knowledge.Extensions;

public static class KnowledgeServices
{
    public static IHostApplicationBuilder AddKnowledgeServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<KnowledgeDbContext>("knowledgedb");
        builder.Services.AddGrpc();
        builder.AddMessaging(x => x.AddConsumer<EraseKnowledgeConsumer>());
        builder.Services.AddOptions<KnowledgeOptions>().Bind(builder.Configuration.GetSection(KnowledgeOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.MinChunkSize <= o.DefaultChunkSize && o.DefaultChunkSize <= o.MaxChunkSize,
                "Knowledge:DefaultChunkSize must lie between MinChunkSize and MaxChunkSize.")
            .ValidateOnStart();
        // Uploads up to the file limit (the default multipart limit is 128 MiB).
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = long.MaxValue);

        builder.Services.AddSingleton(sp => new LocalEmbeddingGenerator(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.LocalDimensions));
        builder.Services.AddSingleton<Bm25Index>();
        builder.Services.AddSingleton<VectorIndex>();
        builder.Services.AddSingleton<TenantEmbedder>();
        builder.Services.AddSingleton<EmbeddingRefitter>();
        builder.Services.AddSingleton<IndexConsistency>();
        builder.Services.AddSingleton<IndexGenerations>();
        builder.Services.AddScoped<IIndexSource, PostgresIndexSource>();
        builder.Services.AddSingleton<VectorIndexTrainer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<VectorIndexTrainer>());
        builder.Services.AddHostedService<IndexFollower>();
        builder.Services.AddScoped<ChunkIndexer>();
        builder.Services.AddScoped<DocumentIngestor>();
        builder.Services.AddScoped<DocumentDeleter>();
        builder.Services.AddScoped<Retriever>();
        // Embedding a large document can take minutes; llm-integration already retries the provider (one retry layer per hop).
        builder.Services.AddGrpcClient<LlmService.LlmServiceClient>(o => o.Address = new Uri("http://_grpc.llm-integration")).WithoutStandardResilience();
        builder.Services.AddScoped(sp => new ProviderEmbeddings(sp.GetRequiredService<LlmService.LlmServiceClient>()));
        return builder;
    }
}
