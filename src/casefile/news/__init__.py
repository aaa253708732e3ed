"""Following the news: feeds polled on a schedule, syndicated copies, watch list and alerts."""
