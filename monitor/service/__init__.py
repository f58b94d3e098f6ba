"""The service (`modelwatch run`) and what runs beside it.

- service.py: `Service`, the scheduler with its jobs' bodies (crawl, probe round, alerts, rollup,
  retention, heartbeat) and its lifecycle; schedule.py: the jobs a configuration asks for and the stored
  schedule brought in line with them. The jobs' entry points, as the job store names them, are
  `monitor.jobs`.
- admin_actions.py: the work behind the API's admin routes (a crawl, a probe round) on a thread.
- api_server.py: the catalog API as monitor serves it (`make_app`, `ApiThread`); dashboard_process.py: the
  dashboard as a child process; companions.py: both beside the service.
"""
