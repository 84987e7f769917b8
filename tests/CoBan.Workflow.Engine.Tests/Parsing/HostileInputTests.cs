using System.Text;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Parsing;

/// <summary>
/// Models are uploaded by process owners and imported from other tools: whatever arrives, BpmnReader
/// answers with bilingual problems, never an exception (expressions that explode: Execution/HostileExpressionTests).
/// </summary>
public class HostileInputTests
{
    private const string Definitions = """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">""";

    private static BpmnProblem RefusedWithOneProblem(BpmnDocument document)
    {
        document.Processes.ShouldBeEmpty();
        var problem = document.Problems.ShouldHaveSingleItem();
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.MessageZh.ShouldNotBeNullOrWhiteSpace();
        problem.MessageEn.ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    // ---- XML entities and DTDs ----

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE definitions [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="p" isExecutable="true" name="&lol9;"><startEvent id="s" /></process>
        </definitions>
        """;

    [Fact]
    public void A_billion_laughs_document_is_refused_because_it_declares_a_DTD()
    {
        foreach (var document in new[] { BpmnReader.Parse(BillionLaughs), BpmnReader.Parse(Encoding.UTF8.GetBytes(BillionLaughs)) })
        {
            var problem = RefusedWithOneProblem(document);
            problem.MessageEn.ShouldContain("declares a DTD");
            problem.MessageZh.ShouldContain("DTD");
            problem.MessageZh.ShouldContain("实体膨胀");
            problem.Line.ShouldBeNull(); // the XML reader gives no position for a refused DTD; never "line 0"
        }
    }

    [Fact]
    public void An_external_entity_is_never_resolved_and_the_document_is_refused()
    {
        var xxe = $"""
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            {Definitions}<process id="p" isExecutable="true" name="&secret;"><startEvent id="s" /></process></definitions>
            """;
        var problem = RefusedWithOneProblem(BpmnReader.Parse(xxe));
        problem.MessageEn.ShouldContain("external entities");
        problem.MessageEn.ShouldNotContain("root:");
        problem.MessageZh.ShouldContain("外部实体");
    }

    [Fact]
    public void An_external_DTD_reference_is_refused_without_being_fetched()
    {
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE definitions SYSTEM "http://127.0.0.1:9/bpmn.dtd">
            {Definitions}<process id="p" isExecutable="true"><startEvent id="s" /></process></definitions>
            """;
        RefusedWithOneProblem(BpmnReader.Parse(xml)).MessageEn.ShouldContain("DTD");
    }

    // ---- size ----

    private static string FiftyMegabytes()
    {
        var builder = new StringBuilder(50 * 1024 * 1024 + 512);
        builder.Append($"""<?xml version="1.0" encoding="UTF-8"?>{Definitions}<process id="p" isExecutable="true"><startEvent id="s"><documentation>""");
        builder.Append('x', 50 * 1024 * 1024);
        builder.Append("</documentation></startEvent></process></definitions>");
        return builder.ToString();
    }

    [Fact]
    public void A_50_MB_document_is_refused_by_size_as_text_as_bytes_and_as_a_stream()
    {
        var text = FiftyMegabytes();
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var document in new[] { BpmnReader.Parse(text), BpmnReader.Parse(bytes), BpmnReader.Parse(new MemoryStream(bytes)) })
        {
            var problem = RefusedWithOneProblem(document);
            problem.MessageEn.ShouldContain("too large");
            problem.MessageEn.ShouldContain("the limit is 10240 KB");
            problem.MessageZh.ShouldContain("文档过大");
        }
    }

    /// <summary>A stream that never ends: the reader must stop at the limit rather than read for ever.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            Served += count;
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void An_endless_stream_is_read_only_up_to_the_size_limit()
    {
        var stream = new EndlessStream();
        RefusedWithOneProblem(BpmnReader.Parse(stream, new ParseOptions { MaxBytes = 1024 * 1024 })).MessageEn.ShouldContain("too large");
        stream.Served.ShouldBeLessThan(2 * 1024 * 1024);
    }

    // ---- depth ----

    private static string Nested(string open, string close, int depth) =>
        new StringBuilder(depth * (open.Length + close.Length)).Insert(0, open, depth).Insert(depth * open.Length, close, depth).ToString();

    [Fact]
    public void One_hundred_thousand_nested_elements_inside_extensionElements_are_refused_by_depth()
    {
        var xml = Xml($"""
            <startEvent id="s" /><userTask id="t"><extensionElements>{Nested("<coban:x>", "</coban:x>", 100_000)}</extensionElements></userTask>
            <sequenceFlow id="f" sourceRef="s" targetRef="t" />
            """);
        var problem = RefusedWithOneProblem(BpmnReader.Parse(xml));
        problem.MessageEn.ShouldBe("XML elements nest too deep (more than 256 levels); the document is refused");
        problem.MessageZh.ShouldContain("嵌套过深");
        problem.Line.ShouldBe(5);
    }

    [Fact]
    public void Deep_nesting_anywhere_in_the_document_is_refused_too()
    {
        RefusedWithOneProblem(BpmnReader.Parse(Definitions + Nested("<documentation>", "</documentation>", 100_000) + "</definitions>"))
            .MessageEn.ShouldStartWith("XML elements nest too deep");
        RefusedWithOneProblem(BpmnReader.Parse(Encoding.UTF8.GetBytes(Xml(Nested("<subProcess>", "</subProcess>", 50_000)))))
            .MessageEn.ShouldStartWith("XML elements nest too deep");
    }

    private static string NestedSubProcesses(int levels)
    {
        // sp1 contains sp2 ... contains spN, whose only content is a user task.
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var i = 1; i <= levels; i++)
        {
            open.Append($"""<subProcess id="sp{i}">""");
            if (i == levels) open.Append("""<userTask id="deepest" />""");
            close.Insert(0, "</subProcess>");
        }
        return $"""<startEvent id="s" />{open}{close}<endEvent id="e" />{Flow("s", "sp1")}{Flow("sp1", "e")}""";
    }

    [Fact]
    public void Forty_nested_sub_processes_are_refused_at_the_first_level_past_32()
    {
        var document = BpmnReader.Parse(Xml(NestedSubProcesses(40)));
        document.Processes.ShouldBeEmpty();
        var problem = document.Problems.Single(p => p.Severity == ProblemSeverity.Error);
        problem.ElementId.ShouldBe("sp33");
        problem.ElementType.ShouldBe("subProcess");
        problem.MessageEn.ShouldBe("sub-processes nest too deep (more than 32 levels)");
        problem.MessageZh.ShouldBe("子流程嵌套过深（超过 32 层）");
        problem.Line.ShouldNotBeNull();
    }

    [Fact]
    public void Thirty_two_nested_sub_processes_are_accepted_and_run_to_the_end()
    {
        var sim = Play.Model(NestedSubProcesses(32));
        sim.WaitingAt.ShouldBe(["deepest"]);
        sim.State().Executions.Count.ShouldBe(33);
        sim.Complete("deepest").Status.ShouldBe("completed");
    }

    // ---- width ----

    private static string InclusiveJoins(int count)
    {
        var body = new StringBuilder();
        for (var i = 0; i < count; i++)
            body.Append($"""<inclusiveGateway id="g{i}" /><task id="a{i}" /><task id="b{i}" /><endEvent id="e{i}" />{Flow($"a{i}", $"g{i}")}{Flow($"b{i}", $"g{i}")}{Flow($"g{i}", $"e{i}")}""");
        return body.ToString();
    }

    [Fact]
    public void A_process_with_more_elements_than_the_limit_is_refused_before_any_costly_check()
    {
        // 20,000 inclusive joins fit in 6 MB; checking each join's reachability would take about a minute and 2 GB.
        var document = BpmnReader.Parse(Xml(InclusiveJoins(5_000)));
        var problem = RefusedWithOneProblem(document);
        problem.ElementId.ShouldBe("p");
        problem.ElementType.ShouldBe("process");
        problem.MessageEn.ShouldBe("the process has too many elements (20000; the limit is 5000)");
        problem.MessageZh.ShouldContain("流程元素过多");
        problem.Line.ShouldBe(4);
    }

    [Fact]
    public void A_process_just_under_the_element_limit_compiles()
    {
        var document = BpmnReader.Parse(Xml(InclusiveJoins(1_250)));
        document.HasErrors.ShouldBeFalse();
        document.Processes.Single().Nodes.Count.ShouldBe(5_000);
    }

    // ---- encodings (bytes in, text decoded by the declaration) ----

    private static byte[] Encoded(Encoding encoding, string declaredName, string processName) =>
        encoding.GetBytes($"""
            <?xml version="1.0" encoding="{declaredName}"?>
            {Definitions}<process id="p" isExecutable="true" name="{processName}"><startEvent id="s" /></process></definitions>
            """);

    [Fact]
    public void An_ISO_8859_1_declaration_is_decoded_as_Latin_1()
    {
        var bytes = Encoded(Encoding.Latin1, "ISO-8859-1", "Café Société");
        bytes.ShouldContain((byte)0xE9); // é as one byte: not valid UTF-8 on its own
        var document = BpmnReader.Parse(bytes);
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        document.Processes.Single().Name.ShouldBe("Café Société");
    }

    [Fact]
    public void A_UTF_8_declaration_is_decoded_with_or_without_a_byte_order_mark()
    {
        var plain = Encoded(new UTF8Encoding(false), "UTF-8", "登记受理");
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoded(new UTF8Encoding(false), "utf-8", "登记受理")).ToArray();
        withBom.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        foreach (var bytes in new[] { plain, withBom, Encoded(new UTF8Encoding(false), "utf8", "登记受理") })
            BpmnReader.Parse(bytes).Processes.Single().Name.ShouldBe("登记受理");
        var noDeclaration = Encoding.UTF8.GetBytes($"""{Definitions}<process id="p" isExecutable="true" name="办结"><startEvent id="s" /></process></definitions>""");
        BpmnReader.Parse(noDeclaration).Processes.Single().Name.ShouldBe("办结");
    }

    [Fact]
    public void A_UTF_16_document_with_a_byte_order_mark_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoded(Encoding.Unicode, "UTF-16", "移办件")).ToArray();
        BpmnReader.Parse(bytes).Processes.Single().Name.ShouldBe("移办件");
    }

    [Theory]
    [InlineData("GB18030")]
    [InlineData("gbk")]
    [InlineData("GB2312")]
    public void A_GB18030_family_declaration_is_decoded(string declared)
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var bytes = Encoded(gb18030, declared, "联办件受理");
        bytes.ShouldNotBe(Encoded(new UTF8Encoding(false), declared, "联办件受理"));
        var document = BpmnReader.Parse(bytes);
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        document.Processes.Single().Name.ShouldBe("联办件受理");
    }

    [Fact]
    public void Bytes_that_are_not_the_declared_UTF_8_are_refused_with_a_hint()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var problem = RefusedWithOneProblem(BpmnReader.Parse(Encoded(gb18030, "UTF-8", "联办件受理")));
        problem.MessageEn.ShouldBe("the document is not valid UTF-8; check the encoding in the XML declaration");
        problem.MessageZh.ShouldContain("UTF-8");
        problem.Line.ShouldBe(1);
    }

    [Fact]
    public void An_unknown_declared_encoding_is_refused_by_name()
    {
        var problem = RefusedWithOneProblem(BpmnReader.Parse(Encoded(Encoding.ASCII, "x-klingon", "p")));
        problem.MessageEn.ShouldBe("unsupported character encoding 'x-klingon'; save the file as UTF-8");
        problem.MessageZh.ShouldContain("'x-klingon'");
    }

    // ---- damaged files ----

    [Fact]
    public void Truncated_and_corrupted_corpus_files_only_ever_give_problems()
    {
        var random = new Random(20260930);
        var files = Directory.GetFiles(Corpus("engine-cases"), "*.bpmn").Order().Select(File.ReadAllBytes).ToList();
        for (var round = 0; round < 400; round++)
        {
            var bytes = (byte[])files[round % files.Count].Clone();
            if (round % 2 == 0) bytes = bytes[..random.Next(bytes.Length)];
            else
                for (var i = 0; i < 8; i++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var document = Should.NotThrow(() => BpmnReader.Parse(bytes), $"round {round}");
            document.Problems.ShouldAllBe(p => p.MessageZh.Length > 0 && p.MessageEn.Length > 0);
        }
    }
}
