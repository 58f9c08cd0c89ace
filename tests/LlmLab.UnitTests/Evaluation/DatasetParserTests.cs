extern alias evaluation;
using evaluation::LlmLab.Evaluation.Datasets;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>Uploads in the three formats: good rows become items, bad rows are errors naming the item, field and line.</summary>
public class DatasetParserTests
{
    [Fact]
    public void Jsonl_bad_rows_are_named_by_item_field_and_line()
    {
        var text = """
            {"question": "What is 2 + 2?", "answers": ["4", "four"]}

            {"question": "What is the symbol of iron?", "answers": []}
            {"question": "", "answer": "x"}
            not json
            """;
        var parsed = DatasetParser.Parse(text, DatasetFormats.Detect("data.jsonl", text));
        Assert.Single(parsed.Items);
        Assert.Equal(["4", "four"], parsed.Items[0].Answers);
        Assert.StartsWith("line 3:", Assert.Single(parsed.Errors["items[1].answers"]));
        Assert.StartsWith("line 4:", Assert.Single(parsed.Errors["items[2].question"]));
        Assert.StartsWith("line 5: not valid JSON", Assert.Single(parsed.Errors["items[3]"]));
    }

    [Fact]
    public void Json_items_take_answer_aliases_facts_and_metadata_and_name_wrong_shapes()
    {
        var text = """
            {"items": [
              {"id": "fe", "question": "Symbol of iron?", "answer": "Fe", "aliases": ["fe"], "context": "Iron is Fe.",
               "supporting_facts": ["Iron is Fe.", {"title": "Iron", "text": "The symbol of iron is Fe."}], "metadata": {"level": 2, "hard": true}},
              {"id": "fe", "question": "Again?", "answers": ["x"]},
              {"question": "Numbers?", "answers": [1, 2]},
              {"question": "Bad facts", "answers": ["x"], "supporting_facts": [3]},
              {"question": "Bad metadata", "answers": ["x"], "metadata": {"nested": {"a": 1}}}
            ]}
            """;
        var parsed = DatasetParser.Parse(text, DatasetFormat.Json);
        var first = parsed.Items[0];
        Assert.Equal(["Fe", "fe"], first.Answers);
        Assert.Equal("Iron", first.SupportingFacts[1].Title);
        Assert.Equal("2", first.Metadata["level"]);
        Assert.Equal("true", first.Metadata["hard"]);
        Assert.Equal(["1", "2"], parsed.Items[1].Answers);
        Assert.Contains("ids must be unique", Assert.Single(parsed.Errors["items[1].id"]));
        Assert.True(parsed.Errors.ContainsKey("items[3].supporting_facts[0]"));
        Assert.True(parsed.Errors.ContainsKey("items[4].metadata.nested"));
    }

    [Fact]
    public void Csv_reads_quoted_fields_aliases_facts_and_extra_columns_as_metadata()
    {
        var text = "id,question,answers,supporting_facts,level\r\n" +
                   "q1,\"Which element, by symbol, is Fe?\",iron|Iron,Iron::The symbol of iron is Fe.,easy\r\n" +
                   "q2,What is 2+2?,,,\r\n" +
                   "q3,Too few fields\r\n";
        var parsed = DatasetParser.Parse(text, DatasetFormats.Detect(null, text));
        var item = Assert.Single(parsed.Items);
        Assert.Equal("Which element, by symbol, is Fe?", item.Question);
        Assert.Equal(["iron", "Iron"], item.Answers);
        Assert.Equal(new("Iron", "The symbol of iron is Fe."), item.SupportingFacts[0]);
        Assert.Equal("easy", item.Metadata["level"]);
        Assert.StartsWith("line 3:", Assert.Single(parsed.Errors["items[1].answers"]));
        Assert.StartsWith("line 4:", Assert.Single(parsed.Errors["items[2]"]));
    }

    [Fact]
    public void A_csv_without_the_required_columns_is_refused_at_line_one()
    {
        var parsed = DatasetParser.ParseCsv("q,a\nx,y\n");
        Assert.Contains("question and answers", Assert.Single(parsed.Errors["file"]));
        Assert.Contains("unique", Assert.Single(DatasetParser.ParseCsv("question,answers,x,x\nq,a,1,2\n").Errors["file"]));
    }

    [Fact]
    public void Text_a_database_cannot_store_is_named()
    {
        var parsed = DatasetParser.ParseJson("[{\"question\": \"a\\u0000b\", \"answers\": [\"x\"]}]");
        Assert.Contains("NUL", Assert.Single(parsed.Errors["items[0].question"]));
    }

    [Fact]
    public void Sampling_is_seeded_and_without_replacement()
    {
        var a = DatasetSampler.Sample(100, 10, 7);
        Assert.Equal(a, DatasetSampler.Sample(100, 10, 7));
        Assert.NotEqual(a, DatasetSampler.Sample(100, 10, 8));
        Assert.Equal(10, a.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 5), DatasetSampler.Sample(5, 10, 7));
    }
}
