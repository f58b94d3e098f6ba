"""modelwatch's floor 3: the running product, over db, crawler, api and dashboard.

- cli/: the `modelwatch` command (one module per command group); settings.py: the runtime settings.
- config/: ``modelwatch.toml``, one module per section.
- service/: `modelwatch run` (the scheduler, its jobs' bodies, the API and dashboard beside it);
  jobs.py: the jobs' entry points as the job store names them.
- crawling/: crawls into the store; probes/: the endpoint probes, their rounds and cost plan;
  alerts/: rules, channels, evaluation and delivery; demo.py: the offline demo on the replica.
"""
