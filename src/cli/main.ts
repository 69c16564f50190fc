// Placeholder replaced by the scan CLI.
console.log('legal-annotator');
