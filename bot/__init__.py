"""deepseek-qa-bot: answers questions about the DeepSeek model family from one article."""
