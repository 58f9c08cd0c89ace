using LlmLab.Analytics.Annotation;
using LlmLab.Analytics.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LlmLab.UnitTests.Analytics;

/// <summary>Annotation queues: the sample, the round-robin deal of responses to reviewers, and the request's validation.</summary>
public class AnnotationQueueTests
{
    private static readonly string[] Three = ["user:a", "user:b", "user:c"];

    [Fact]
    public void One_reviewer_per_response_deals_round_robin_and_each_response_once()
    {
        var dealt = ReviewAssignment.Deal(7, Three, 1).ToList();
        Assert.Equal(7, dealt.Count);
        Assert.Equal(Enumerable.Range(0, 7), dealt.Select(d => d.Position));
        Assert.Equal(["user:a", "user:b", "user:c", "user:a", "user:b", "user:c", "user:a"], dealt.Select(d => d.Reviewer));
    }

    [Fact]
    public void Two_reviewers_per_response_are_different_people_and_loads_differ_by_at_most_one()
    {
        var dealt = ReviewAssignment.Deal(5, Three, 2).ToList();
        Assert.Equal(10, dealt.Count);
        foreach (var response in dealt.GroupBy(d => d.Position))
        {
            Assert.Equal(2, response.Select(d => d.Reviewer).Distinct().Count());
        }
        // Response 0 → a, b; 1 → c, a; 2 → b, c; 3 → a, b; 4 → c, a.
        Assert.Equal(["user:c", "user:a"], dealt.Where(d => d.Position == 1).Select(d => d.Reviewer));
        var loads = dealt.GroupBy(d => d.Reviewer).Select(g => g.Count()).ToList();
        Assert.Equal([4, 3, 3], loads.OrderDescending());
    }

    [Fact]
    public void Every_reviewer_per_response_gives_every_response_to_everyone()
    {
        var dealt = ReviewAssignment.Deal(4, Three, 3).ToList();
        Assert.All(dealt.GroupBy(d => d.Position), g => Assert.Equal(Three.Order(), g.Select(d => d.Reviewer).Order()));
    }

    [Fact]
    public void More_reviewers_per_response_than_reviewers_cannot_be_dealt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewAssignment.Deal(3, Three, 4).ToList());
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewAssignment.Deal(3, Three, 0).ToList());
    }

    [Fact]
    public void A_sample_is_the_same_for_the_same_seed_keeps_the_run_order_and_differs_for_another_seed()
    {
        var responses = Enumerable.Range(0, 50).ToList();
        var first = ReviewAssignment.Sample(responses, 10, seed: 7);
        Assert.Equal(first, ReviewAssignment.Sample(responses, 10, seed: 7));
        Assert.Equal(10, first.Distinct().Count());
        Assert.Equal(first.Order(), first);
        Assert.NotEqual(first, ReviewAssignment.Sample(responses, 10, seed: 8));
    }

    [Fact]
    public void Without_a_sample_size_or_with_one_past_the_run_every_response_is_kept()
    {
        var responses = Enumerable.Range(0, 5).ToList();
        Assert.Equal(responses, ReviewAssignment.Sample(responses, null, 1));
        Assert.Equal(responses, ReviewAssignment.Sample(responses, 9, 1));
    }

    [Fact]
    public void A_good_request_passes_and_bare_user_ids_become_subjects()
    {
        var id = Guid.NewGuid();
        var request = new QueueRequest("review", Guid.NewGuid(), [id.ToString(), $"key:{id}"], 2, 10, 3);
        Assert.Empty(request.Validate());
        Assert.Equal([$"user:{id}", $"key:{id}"], request.SubjectIds());
        // Subjects as /api/me shows them: a configured key's, a JWT's.
        Assert.Equal("key:dev", QueueRequest.SubjectOf("key:dev"));
        Assert.Equal("jwt:alice@example.com", QueueRequest.SubjectOf("jwt:alice@example.com"));
        Assert.Null(QueueRequest.SubjectOf("user: spaced"));
        Assert.Null(QueueRequest.SubjectOf("user:"));
    }

    [Theory]
    [InlineData("run_id")]
    [InlineData("reviewers")]
    [InlineData("reviewers[1]")]
    [InlineData("reviewers_per_response")]
    [InlineData("sample_size")]
    [InlineData("seed")]
    [InlineData("name")]
    public void A_bad_request_names_the_field(string field)
    {
        var user = Guid.NewGuid().ToString();
        var good = new QueueRequest("review", Guid.NewGuid(), [user], 1, null, null);
        var bad = field switch
        {
            "run_id" => good with { RunId = null },
            "reviewers" => good with { Reviewers = [user, user] },
            "reviewers[1]" => good with { Reviewers = [user, "admin"] },
            "reviewers_per_response" => good with { ReviewersPerResponse = 2 },
            "sample_size" => good with { SampleSize = 0 },
            "seed" => good with { Seed = -1 },
            _ => good with { Name = "a\0b" },
        };
        Assert.Contains(field, bad.Validate().Keys);
    }

    [Fact]
    public void No_reviewers_is_refused_naming_reviewers()
    {
        Assert.Contains("reviewers", new QueueRequest(null, Guid.NewGuid(), [], null, null, null).Validate().Keys);
        Assert.Contains("reviewers", new QueueRequest(null, Guid.NewGuid(), null, null, null, null).Validate().Keys);
    }

    [Fact]
    public void The_analytics_model_matches_its_migrations_so_the_service_can_migrate_at_start()
    {
        using var db = new AnalyticsDbContext(new DbContextOptionsBuilder<AnalyticsDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
        Assert.False(db.Database.HasPendingModelChanges(), "the model differs from AnalyticsDbContextModelSnapshot: a migration is missing");
        Assert.Contains("20261129031500_AnnotationQueues", db.Database.GetMigrations());
    }
}
