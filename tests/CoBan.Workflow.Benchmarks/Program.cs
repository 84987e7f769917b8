using CoBan.Workflow.Benchmarks.Harness;

return Cli.Run(args);
